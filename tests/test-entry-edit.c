/* test-entry-edit.c: what the entry editor needs from the core
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "mh-choice.h"
#include "mh-demo.h"
#include "mh-revision.h"
#include "mh-site-json.h"
#include "mh-store-entries.h"
#include "mh-test-utils.h"

/* Terms, organisations, people, assets and three entries to refer to. */
static const char seed_json[] =
  "{ \"format\": \"masthead-site\", \"version\": 1,"
  "  \"site\": { \"title\": \"Edit test\" },"
  "  \"vocabularies\": ["
  "    { \"key\": \"countries\", \"name\": \"Countries\", \"hierarchical\": true, \"terms\": ["
  "      { \"name\": \"Asia\", \"slug\": \"asia\", \"children\": ["
  "        { \"name\": \"Japan\", \"slug\": \"japan\" },"
  "        { \"name\": \"Singapore\", \"slug\": \"singapore\" } ] },"
  "      { \"name\": \"Europe\", \"slug\": \"europe\", \"children\": ["
  "        { \"name\": \"Czech Republic\", \"slug\": \"czech-republic\","
  "          \"aliases\": [\"czechia\"] },"
  "        { \"name\": \"France\", \"slug\": \"france\" } ] } ] },"
  "    { \"key\": \"themes\", \"name\": \"Themes\", \"terms\": ["
  "      { \"name\": \"Cultural Policy\", \"slug\": \"cultural-policy\" },"
  "      { \"name\": \"Museums\", \"slug\": \"museums\" } ] } ],"
  "  \"organisations\": ["
  "    { \"key\": \"ati\", \"name\": \"Arts and Theatre Institute\" },"
  "    { \"key\": \"asef\", \"name\": \"Asia-Europe Foundation\","
  "      \"url\": \"https://asef.org/\" } ],"
  "  \"people\": ["
  "    { \"key\": \"p-kok\", \"given_name\": \"Heng Leun\", \"family_name\": \"Kok\","
  "      \"family_name_first\": true, \"job_title\": \"Artistic Director\","
  "      \"organisation\": \"Drama Box\" },"
  "    { \"key\": \"p-cerna\", \"given_name\": \"Alžběta\", \"family_name\": \"Černá\" },"
  "    { \"key\": \"p-schwarz\", \"given_name\": \"Isabelle\", \"family_name\": \"Schwarz\" },"
  "    { \"key\": \"p-adams\", \"given_name\": \"Ann\", \"family_name\": \"Adams\" },"
  "    { \"key\": \"p-dvorak\", \"given_name\": \"Jan\", \"family_name\": \"Dvořák\" } ],"
  "  \"assets\": ["
  "    { \"name\": \"report.pdf\", \"media_type\": \"application/pdf\","
  "      \"data_base64\": \"JVBERg==\" },"
  "    { \"name\": \"cover.jpg\", \"media_type\": \"image/jpeg\", \"data_base64\": \"AAAA\" } ],"
  "  \"entries\": ["
  "    { \"kind\": \"event\", \"title\": \"Lab 2024\", \"slug\": \"lab-2024\" },"
  "    { \"kind\": \"article\", \"title\": \"Recap\", \"slug\": \"recap\" },"
  "    { \"kind\": \"article\", \"title\": \"Original\", \"slug\": \"original\" } ] }";

typedef struct
{
  char    *dir;
  char    *path;
  MhStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) seed = g_bytes_new_static (seed_json, sizeof seed_json - 1);

  f->dir = mh_test_make_tmp_dir ();
  f->path = g_build_filename (f->dir, "site.masthead", NULL);
  f->store = mh_store_create (f->path, &error);
  g_assert_no_error (error);
  mh_site_json_import_bytes (f->store, seed, "seed.json", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  mh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* --- Helpers ---------------------------------------------------------------- */

static void
assert_same_entry (MhEntry *a,
                   MhEntry *b)
{
  g_auto(GStrv) differ = mh_entry_diff_fields (a, b);
  g_autofree char *joined = g_strjoinv (", ", differ);

  g_assert_cmpstr (joined, ==, "");
}

/* Every row of every list, as "list: value|value" lines; labels left out
 * (only the store fills them). */
static char *
details_to_string (MhEntryDetails *details)
{
  static const char * const lists[] = {
    "terms", "partners", "related", "programme", "downloads", "eligible-countries",
    "participants",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GListModel) rows = NULL;

      g_object_get (details, lists[i], &rows, NULL);
      for (guint j = 0; j < g_list_model_get_n_items (rows); j++)
        {
          g_autoptr(GObject) row = g_list_model_get_item (rows, j);
          g_autofree GParamSpec **pspecs = NULL;
          guint n = 0;

          pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (row), &n);
          g_string_append_printf (out, "%s:", lists[i]);
          for (guint k = 0; k < n; k++)
            {
              g_autofree char *value = NULL;

              if (g_str_equal (pspecs[k]->name, "label"))
                continue;
              g_object_get (row, pspecs[k]->name, &value, NULL);
              g_string_append_printf (out, " %s", value ? value : "(null)");
            }
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_details (MhEntryDetails *a,
                     MhEntryDetails *b)
{
  g_autofree char *sa = details_to_string (a);
  g_autofree char *sb = details_to_string (b);

  g_assert_cmpstr (sa, ==, sb);
}

static MhEntry *
reload (MhStore *store,
        MhEntry *entry)
{
  g_autoptr(GError) error = NULL;
  MhEntry *again = mh_store_get_entry (store, mh_entry_get_id (entry), &error);

  g_assert_no_error (error);
  return again;
}

static MhEntryDetails *
reload_details (MhStore *store,
                gint64   id)
{
  g_autoptr(GError) error = NULL;
  MhEntryDetails *details = mh_store_get_entry_details (store, id, &error);

  g_assert_no_error (error);
  return details;
}

static guint
count_revisions (MhStore *store,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) revisions = mh_store_list_revisions (store, id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (revisions);
}

static char *
dump (MhStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = mh_site_json_dump_to_string (store, &error);

  g_assert_no_error (error);
  return text;
}

static MhEntry *
save_new (MhStore     *store,
          MhEntryKind  kind,
          const char  *title)
{
  g_autoptr(GError) error = NULL;
  MhEntry *entry = mh_entry_new (kind);

  mh_entry_set_title (entry, title);
  g_assert_true (mh_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static gint64
id_of (MhStore    *store,
       const char *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_store_find_entry (store, slug, &error);

  g_assert_no_error (error);
  return mh_entry_get_id (entry);
}

/* Every field set, to values that differ from what set_other_values() gives. */
static void
set_all_fields (MhEntry *entry)
{
  static const char * const authors[] = { "Kerrine Goh", "Carla Castle", NULL };
  static const char * const hashtags[] = { "#ASEFCulture", "#Prague", NULL };

  mh_entry_set_title (entry, "ASEF LinkUp | Cultural Diplomacy Lab 2024 | Prague");
  mh_entry_set_status (entry, MH_ENTRY_STATUS_PUBLISHED);
  mh_entry_set_language (entry, "en");
  mh_entry_set_translation_of (entry, "original");
  mh_entry_set_date (entry, "2024-03-28");
  mh_entry_set_summary (entry, "Eighteen people, four days.");
  mh_entry_set_body (entry, "# Lab\n\nA quote from Alžběta Černá.\n");
  mh_entry_set_cover (entry, "cover.jpg");
  mh_entry_set_cover_alt (entry, "The old town square");
  mh_entry_set_cover_credit (entry, "© ASEF");
  mh_entry_set_authors (entry, authors);
  mh_entry_set_posted_by (entry, "culture360");
  mh_entry_set_series (entry, "In cities");
  mh_entry_set_hashtags (entry, hashtags);
  mh_entry_set_website (entry, "https://culture360.asef.org/");
  mh_entry_set_event_start (entry, "2024-06-10T09:30:00");
  mh_entry_set_event_end (entry, "2024-06-13");
  mh_entry_set_time_zone (entry, "Europe/Prague");
  mh_entry_set_all_day (entry, TRUE);
  mh_entry_set_venue (entry, "Municipal House");
  mh_entry_set_city (entry, "Prague");
  mh_entry_set_country (entry, "czech-republic");
  mh_entry_set_online (entry, TRUE);
  mh_entry_set_event_format (entry, "closed-door");
  mh_entry_set_participants_planned (entry, 20);
  mh_entry_set_participants_actual (entry, 18);
  mh_entry_set_publisher (entry, "Arts and Theatre Institute");
  mh_entry_set_report_event (entry, "lab-2024");
  mh_entry_set_call_category (entry, "Residency");
  mh_entry_set_deadline (entry, "2024-05-03");
}

static void
set_other_values (MhEntry *entry)
{
  static const char * const authors[] = { "Someone Else", NULL };

  mh_entry_set_title (entry, "Renamed");
  mh_entry_set_status (entry, MH_ENTRY_STATUS_ARCHIVED);
  mh_entry_set_language (entry, "fr");
  mh_entry_set_translation_of (entry, NULL);
  mh_entry_set_date (entry, "2025-01-31");
  mh_entry_set_summary (entry, NULL);
  mh_entry_set_body (entry, "Other body");
  mh_entry_set_cover (entry, NULL);
  mh_entry_set_cover_alt (entry, NULL);
  mh_entry_set_cover_credit (entry, "© Someone");
  mh_entry_set_authors (entry, authors);
  mh_entry_set_posted_by (entry, NULL);
  mh_entry_set_series (entry, NULL);
  mh_entry_set_hashtags (entry, NULL);
  mh_entry_set_website (entry, "http://example.org/path?q=1");
  mh_entry_set_event_start (entry, "2025-02-01");
  mh_entry_set_event_end (entry, NULL);
  mh_entry_set_time_zone (entry, "Asia/Singapore");
  mh_entry_set_all_day (entry, FALSE);
  mh_entry_set_venue (entry, NULL);
  mh_entry_set_city (entry, "Singapore");
  mh_entry_set_country (entry, "singapore");
  mh_entry_set_online (entry, FALSE);
  mh_entry_set_event_format (entry, NULL);
  mh_entry_set_participants_planned (entry, -1);
  mh_entry_set_participants_actual (entry, 0);
  mh_entry_set_publisher (entry, NULL);
  mh_entry_set_report_event (entry, NULL);
  mh_entry_set_call_category (entry, "Grant");
  mh_entry_set_deadline (entry, NULL);
}

static void
fill_details (MhEntryDetails *details)
{
  g_autoptr(MhTermRef) asia = mh_term_ref_new ("countries", "asia");
  g_autoptr(MhTermRef) policy = mh_term_ref_new ("themes", "cultural-policy");
  g_autoptr(MhTermRef) czech = mh_term_ref_new ("countries", "czech-republic");
  g_autoptr(MhPartner) ati = mh_partner_new ("ati", "co-organiser");
  g_autoptr(MhPartner) asef = mh_partner_new ("asef", "funder");
  g_autoptr(MhEntryRef) recap = mh_entry_ref_new ("recap");
  g_autoptr(MhEntryRef) lab = mh_entry_ref_new ("lab-2024");
  g_autoptr(MhProgrammeItem) opening =
    mh_programme_item_new ("2024-06-10T09:30:00", "2024-06-10T10:00:00", "Opening", "Hall");
  g_autoptr(MhProgrammeItem) closing = mh_programme_item_new (NULL, NULL, "Closing", NULL);
  g_autoptr(MhDownload) report = mh_download_new ("report.pdf", "Full report", "en");
  g_autoptr(MhTermRef) europe = mh_term_ref_new ("countries", "europe");
  g_autoptr(MhTermRef) japan = mh_term_ref_new (NULL, "japan");
  g_autoptr(MhParticipant) kok = mh_participant_new ("p-kok", "speaker", "Arts sector");
  g_autoptr(MhParticipant) cerna = mh_participant_new ("p-cerna", "participant", NULL);

  g_list_store_append (mh_entry_details_get_terms (details), policy);
  g_list_store_append (mh_entry_details_get_terms (details), asia);
  g_list_store_append (mh_entry_details_get_terms (details), czech);
  g_list_store_append (mh_entry_details_get_partners (details), ati);
  g_list_store_append (mh_entry_details_get_partners (details), asef);
  g_list_store_append (mh_entry_details_get_related (details), recap);
  g_list_store_append (mh_entry_details_get_related (details), lab);
  g_list_store_append (mh_entry_details_get_programme (details), opening);
  g_list_store_append (mh_entry_details_get_programme (details), closing);
  g_list_store_append (mh_entry_details_get_downloads (details), report);
  g_list_store_append (mh_entry_details_get_eligible_countries (details), europe);
  g_list_store_append (mh_entry_details_get_eligible_countries (details), japan);
  g_list_store_append (mh_entry_details_get_participants (details), kok);
  g_list_store_append (mh_entry_details_get_participants (details), cerna);
}

/* --- Fields --------------------------------------------------------------------- */

static void
test_fields_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  MhEntryKind kind = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_entry_new (kind);
  g_autoptr(MhEntry) again = NULL;
  g_autoptr(MhEntry) found = NULL;
  g_auto(GStrv) authors = NULL;

  set_all_fields (entry);
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mh_entry_get_id (entry), >, 0);

  again = reload (f->store, entry);
  assert_same_entry (entry, again);
  g_assert_cmpint (mh_entry_get_kind (again), ==, kind);
  g_assert_cmpstr (mh_entry_get_country (again), ==, "czech-republic");
  g_object_get (again, "authors", &authors, NULL);
  g_assert_cmpuint (g_strv_length (authors), ==, 2);
  g_assert_cmpstr (authors[1], ==, "Carla Castle");
  g_assert_cmpint (mh_entry_get_participants_planned (again), ==, 20);
  g_assert_true (mh_entry_get_all_day (again));

  found = mh_store_find_entry (f->store, mh_entry_get_slug (entry), &error);
  g_assert_no_error (error);
  assert_same_entry (entry, found);

  /* Every field changed or cleared comes back as well. */
  set_other_values (entry);
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = reload (f->store, entry);
  assert_same_entry (entry, again);
  g_assert_null (mh_entry_get_authors (again)[1]);
  g_assert_null (mh_entry_get_hashtags (again));
  g_assert_cmpint (mh_entry_get_participants_planned (again), ==, -1);
  g_assert_cmpint (mh_entry_get_participants_actual (again), ==, 0);
  g_assert_false (mh_entry_get_online (again));
}

static void
test_fields_references (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_EVENT);
  g_autoptr(MhEntry) again = NULL;

  /* An alias finds its term, which reads back by its slug. */
  mh_entry_set_title (entry, "Aliases");
  mh_entry_set_country (entry, "czechia");
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  again = reload (f->store, entry);
  g_assert_cmpstr (mh_entry_get_country (again), ==, "czech-republic");

  /* A country may name a term of another vocabulary explicitly. */
  mh_entry_set_country (entry, "themes/museums");
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = reload (f->store, entry);
  g_assert_cmpstr (mh_entry_get_country (again), ==, "themes/museums");
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_fields_notify (void)
{
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_EVENT);
  g_autoptr(MhEntry) same = NULL;
  g_auto(GStrv) copy = NULL;
  const char * const names[] = { "A", "B", NULL };
  guint n = 0;

  set_all_fields (entry);
  g_signal_connect (entry, "notify", G_CALLBACK (count_notify_cb), &n);

  mh_entry_set_city (entry, "Prague");
  mh_entry_set_all_day (entry, TRUE);
  mh_entry_set_participants_actual (entry, 18);
  copy = g_strdupv ((char **) mh_entry_get_authors (entry));
  mh_entry_set_authors (entry, (const char * const *) copy);
  g_assert_cmpuint (n, ==, 0);

  mh_entry_set_authors (entry, names);
  g_assert_cmpuint (n, ==, 1);
  mh_entry_set_city (entry, "Brno");
  g_assert_cmpuint (n, ==, 2);
  g_object_set (entry, "online", FALSE, "participants-planned", 21, NULL);
  g_assert_cmpuint (n, ==, 4);
  g_object_set (entry, "online", FALSE, "participants-planned", 21, NULL);
  g_assert_cmpuint (n, ==, 4);

  /* Assigning an equal entry changes nothing, so notifies nothing. */
  same = mh_entry_copy (entry);
  mh_entry_assign (entry, same);
  g_assert_cmpuint (n, ==, 4);
  assert_same_entry (entry, same);
}

/* --- Lists ---------------------------------------------------------------------- */

static void
test_lists_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_EVENT);
  g_autoptr(MhEntryDetails) details = mh_entry_details_new ();
  g_autoptr(MhEntryDetails) again = NULL;
  g_autoptr(MhParticipant) first = NULL;
  g_autoptr(MhTermRef) country = NULL;
  g_autoptr(MhPartner) partner = NULL;
  g_autoptr(MhTermRef) japan = NULL;
  GListStore *participants;

  mh_entry_set_title (entry, "With lists");
  fill_details (details);
  g_assert_true (mh_store_save_entry_full (f->store, entry, details, MH_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  again = reload_details (f->store, mh_entry_get_id (entry));
  /* Eligible countries without a vocabulary read back as "countries". */
  japan = g_list_model_get_item (G_LIST_MODEL (mh_entry_details_get_eligible_countries (details)),
                                 1);
  mh_term_ref_set_vocabulary (japan, "countries");
  assert_same_details (details, again);

  /* The store fills in the labels. */
  participants = mh_entry_details_get_participants (again);
  first = g_list_model_get_item (G_LIST_MODEL (participants), 0);
  g_assert_cmpstr (mh_participant_get_label (first), ==, "KOK Heng Leun");
  country = g_list_model_get_item (G_LIST_MODEL (mh_entry_details_get_terms (again)), 2);
  g_assert_cmpstr (mh_term_ref_get_label (country), ==, "Czech Republic");
  partner = g_list_model_get_item (G_LIST_MODEL (mh_entry_details_get_partners (again)), 0);
  g_assert_cmpstr (mh_partner_get_label (partner), ==, "Arts and Theatre Institute");

  /* A list is replaced as a whole: reorder one, empty another, shorten a
   * third; saving the fields alone leaves the lists alone. */
  g_list_store_remove (participants, 0);
  g_list_store_append (participants, first);
  g_list_store_remove_all (mh_entry_details_get_programme (again));
  g_list_store_remove (mh_entry_details_get_terms (again), 0);
  g_assert_true (mh_store_save_entry_details (f->store, mh_entry_get_id (entry), again, &error));
  g_assert_no_error (error);
  mh_entry_set_city (entry, "Prague");
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);

  g_clear_object (&details);
  details = reload_details (f->store, mh_entry_get_id (entry));
  assert_same_details (details, again);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
    mh_entry_details_get_programme (details))), ==, 0);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (mh_entry_details_get_participants (details)), 0);
  g_assert_cmpstr (mh_participant_get_person (first), ==, "p-cerna");
  /* The details call kept a revision, as a save does. */
  g_assert_cmpuint (count_revisions (f->store, mh_entry_get_id (entry)), ==, 2);
}

static void
test_lists_duplicates (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_ARTICLE);
  g_autoptr(MhEntryDetails) details = mh_entry_details_new ();
  g_autoptr(MhEntryDetails) again = NULL;
  g_autoptr(MhTermRef) a = mh_term_ref_new ("countries", "japan");
  g_autoptr(MhTermRef) b = mh_term_ref_new ("countries", "france");
  g_autoptr(MhTermRef) c = mh_term_ref_new ("countries", "japan");
  g_autoptr(MhParticipant) p = mh_participant_new ("p-adams", NULL, NULL);
  g_autoptr(MhParticipant) q = NULL;

  mh_entry_set_title (entry, "Duplicates");
  g_list_store_append (mh_entry_details_get_terms (details), a);
  g_list_store_append (mh_entry_details_get_terms (details), b);
  g_list_store_append (mh_entry_details_get_terms (details), c);
  g_list_store_append (mh_entry_details_get_participants (details), p);
  g_assert_true (mh_store_save_entry_full (f->store, entry, details, MH_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  /* A term listed twice is kept once, at its first place; a participant's
   * role defaults to "participant". */
  again = reload_details (f->store, mh_entry_get_id (entry));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
    mh_entry_details_get_terms (again))), ==, 2);
  q = g_list_model_get_item (G_LIST_MODEL (mh_entry_details_get_participants (again)), 0);
  g_assert_cmpstr (mh_participant_get_role (q), ==, "participant");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_lists_changed_signal (void)
{
  g_autoptr(MhEntryDetails) details = mh_entry_details_new ();
  g_autoptr(MhEntryDetails) copy = NULL;
  g_autoptr(MhProgrammeItem) item = mh_programme_item_new (NULL, NULL, "Talk", NULL);
  guint n = 0;

  g_signal_connect_swapped (details, "changed", G_CALLBACK (count_cb), &n);
  g_list_store_append (mh_entry_details_get_programme (details), item);
  g_assert_cmpuint (n, ==, 1);
  mh_programme_item_set_title (item, "Keynote");
  g_assert_cmpuint (n, ==, 2);
  mh_programme_item_set_title (item, "Keynote");
  g_assert_cmpuint (n, ==, 2);

  copy = mh_entry_details_copy (details);
  assert_same_details (details, copy);
  mh_programme_item_set_venue (item, "Hall");
  g_assert_cmpuint (n, ==, 3);
  mh_entry_details_assign (details, copy);
  g_assert_cmpuint (n, >=, 4);
  assert_same_details (details, copy);
}

/* --- Unknown references ------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *value;   /* must be named by the message */
  void      (*apply) (MhEntry *entry, MhEntryDetails *details);
} BadReference;

#define APPEND(list, object) \
  G_STMT_START { \
    g_autoptr(GObject) row_ = G_OBJECT (object); \
    g_list_store_append (mh_entry_details_get_##list (details), row_); \
  } G_STMT_END

static void
bad_cover (MhEntry        *e,
           MhEntryDetails *details)
{
  mh_entry_set_cover (e, "missing.png");
}

static void
bad_country (MhEntry        *e,
             MhEntryDetails *details)
{
  mh_entry_set_country (e, "atlantis");
}

static void
bad_translation (MhEntry        *e,
                 MhEntryDetails *details)
{
  mh_entry_set_translation_of (e, "nowhere");
}

static void
bad_event (MhEntry        *e,
           MhEntryDetails *details)
{
  mh_entry_set_report_event (e, "recap");
}

static void
bad_term (MhEntry        *e,
          MhEntryDetails *details)
{
  APPEND (terms, mh_term_ref_new ("themes", "astrology"));
}

static void
bad_vocabulary (MhEntry        *e,
                MhEntryDetails *details)
{
  APPEND (terms, mh_term_ref_new ("colours", "red"));
}

static void
bad_organisation (MhEntry        *e,
                  MhEntryDetails *details)
{
  APPEND (partners, mh_partner_new ("nobody-inc", "support"));
}

static void
bad_relation (MhEntry        *e,
              MhEntryDetails *details)
{
  APPEND (partners, mh_partner_new ("ati", "sponsor"));
}

static void
bad_related (MhEntry        *e,
             MhEntryDetails *details)
{
  APPEND (related, mh_entry_ref_new ("no-such-entry"));
}

static void
bad_programme (MhEntry        *e,
               MhEntryDetails *details)
{
  APPEND (programme, mh_programme_item_new ("2024-13-01", NULL, "Talk", NULL));
}

static void
bad_download (MhEntry        *e,
              MhEntryDetails *details)
{
  APPEND (downloads, mh_download_new ("missing.pdf", NULL, NULL));
}

static void
bad_eligible (MhEntry        *e,
              MhEntryDetails *details)
{
  APPEND (eligible_countries, mh_term_ref_new ("countries", "narnia"));
}

static void
bad_person (MhEntry        *e,
            MhEntryDetails *details)
{
  APPEND (participants, mh_participant_new ("p-nobody", NULL, NULL));
}

static const BadReference bad_references[] = {
  { "cover", "missing.png", bad_cover },
  { "country", "atlantis", bad_country },
  { "translation-of", "nowhere", bad_translation },
  { "report-event", "recap", bad_event },
  { "term", "astrology", bad_term },
  { "vocabulary", "colours", bad_vocabulary },
  { "organisation", "nobody-inc", bad_organisation },
  { "relation", "sponsor", bad_relation },
  { "related", "no-such-entry", bad_related },
  { "programme-date", "2024-13-01", bad_programme },
  { "download", "missing.pdf", bad_download },
  { "eligible-country", "narnia", bad_eligible },
  { "person", "p-nobody", bad_person },
};

static void
test_unknown_reference (Fixture       *f,
                        gconstpointer  data)
{
  const BadReference *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = save_new (f->store, MH_ENTRY_KIND_REPORT, "Before");
  g_autoptr(MhEntryDetails) details = mh_entry_details_new ();
  g_autoptr(MhEntry) fresh = mh_entry_new (MH_ENTRY_KIND_REPORT);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint revisions = count_revisions (f->store, mh_entry_get_id (entry));

  /* Good changes together with the bad reference: all or nothing. */
  fill_details (details);
  mh_entry_set_title (entry, "After");
  mh_entry_set_city (entry, "Prague");
  bad->apply (entry, details);
  before = dump (f->store);

  g_assert_false (mh_store_save_entry_full (f->store, entry, details, MH_SAVE_DEFAULT, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, bad->value));
  g_clear_error (&error);

  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_revisions (f->store, mh_entry_get_id (entry)), ==, revisions);

  /* The same for a new entry: nothing is inserted. */
  mh_entry_set_title (fresh, "Fresh");
  bad->apply (fresh, details);
  g_assert_false (mh_store_save_entry_full (f->store, fresh, details, MH_SAVE_DEFAULT, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID);
  g_assert_cmpint (mh_entry_get_id (fresh), ==, 0);
  g_free (after);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

/* --- Validation --------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *field;
  const char *property;   /* NULL: set field to -5 */
  const char *value;
  gboolean    quoted;     /* the message quotes the value */
} Rule;

static const Rule rules[] = {
  { "title-empty", "title", "title", NULL, FALSE },
  { "title-blank", "title", "title", "  \t ", FALSE },
  { "slug", "slug", "slug", "Not A Slug", TRUE },
  { "language", "language", "language", "english please", TRUE },
  { "date-format", "date", "date", "10/06/2024", TRUE },
  { "date-no-such-day", "date", "date", "2024-02-30", TRUE },
  { "event-start", "event-start", "event-start", "next Monday", TRUE },
  { "event-end", "event-end", "event-end", "2024-06-32", TRUE },
  { "end-before-start", "event-end", "event-end", "2024-06-09", FALSE },
  { "end-before-start-same-day", "event-end", "event-end", "2024-06-10T08:00", FALSE },
  { "time-zone", "time-zone", "time-zone", "Mars/Olympus_Mons", TRUE },
  { "website-javascript", "website", "website", "javascript:alert(1)", FALSE },
  { "website-no-scheme", "website", "website", "example.org", FALSE },
  { "website-ftp", "website", "website", "ftp://example.org/", FALSE },
  { "website-no-host", "website", "website", "https://", FALSE },
  { "deadline", "deadline", "deadline", "soon", TRUE },
  { "planned-negative", "participants-planned", NULL, NULL, FALSE },
  { "actual-negative", "participants-actual", NULL, NULL, FALSE },
  { "translation-of-itself", "translation-of", "translation-of", "valid-entry", FALSE },
};

static MhEntry *
valid_entry (void)
{
  MhEntry *entry = mh_entry_new (MH_ENTRY_KIND_EVENT);

  mh_entry_set_title (entry, "Valid");
  mh_entry_set_slug (entry, "valid-entry");
  mh_entry_set_event_start (entry, "2024-06-10T09:30");
  /* A bare end date ends on that whole day. */
  mh_entry_set_event_end (entry, "2024-06-10");
  mh_entry_set_time_zone (entry, "Europe/Prague");
  mh_entry_set_website (entry, "https://example.org/apply");
  mh_entry_set_deadline (entry, "2024-05-03");
  mh_entry_set_participants_planned (entry, -1);
  return entry;
}

static void
test_validation_valid (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = valid_entry ();
  g_autoptr(GPtrArray) problems = mh_entry_check_fields (entry);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (mh_entry_validate (entry, &error));
  g_assert_no_error (error);
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
}

static void
test_validation_rule (Fixture       *f,
                      gconstpointer  data)
{
  const Rule *rule = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = valid_entry ();
  g_autoptr(GPtrArray) problems = NULL;
  MhFieldProblem *problem;

  if (rule->property != NULL)
    g_object_set (entry, rule->property, rule->value, NULL);
  else
    g_object_set (entry, rule->field, -5, NULL);

  problems = mh_entry_check_fields (entry);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->field, ==, rule->field);
  g_test_message ("%s: %s", problem->field, problem->message);
  if (rule->quoted)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", rule->value);

      g_assert_nonnull (strstr (problem->message, quoted));
    }

  g_assert_false (mh_entry_validate (entry, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, problem->message);
  g_clear_error (&error);

  /* The store refuses it too, and keeps nothing. */
  g_assert_false (mh_store_save_entry (f->store, entry, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID);
  g_assert_cmpint (mh_entry_get_id (entry), ==, 0);
}

static void
test_validation_many (void)
{
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_OPEN_CALL);
  g_autoptr(GPtrArray) problems = NULL;

  mh_entry_set_website (entry, "www.example.org");
  mh_entry_set_deadline (entry, "3 May");
  problems = mh_entry_check_fields (entry);
  /* In form order, one per field. */
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (((MhFieldProblem *) problems->pdata[0])->field, ==, "title");
  g_assert_cmpstr (((MhFieldProblem *) problems->pdata[1])->field, ==, "website");
  g_assert_cmpstr (((MhFieldProblem *) problems->pdata[2])->field, ==, "deadline");
}

/* --- Revisions ---------------------------------------------------------------------- */

static void
set_terms (MhEntryDetails *details,
           const char     *vocabulary,
           const char     *slug)
{
  g_autoptr(MhTermRef) ref = mh_term_ref_new (vocabulary, slug);

  g_list_store_remove_all (mh_entry_details_get_terms (details));
  g_list_store_append (mh_entry_details_get_terms (details), ref);
}

static void
test_revisions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_EVENT);
  g_autoptr(MhEntryDetails) details = mh_entry_details_new ();
  g_autoptr(MhEntry) first = NULL;
  g_autoptr(MhEntryDetails) first_details = NULL;
  g_autoptr(MhEntry) now = NULL;
  g_autoptr(MhEntryDetails) now_details = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(MhRevision) newest = NULL;
  g_autoptr(MhRevision) oldest = NULL;
  g_autoptr(MhEntry) then = NULL;
  g_autoptr(MhEntryDetails) then_details = NULL;
  g_autoptr(MhEntry) three = NULL;
  g_auto(GStrv) differ = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  /* Version one: every field and list. */
  set_all_fields (entry);
  mh_entry_set_title (entry, "One");
  mh_entry_set_body (entry, "a\nb\n");
  mh_entry_set_status (entry, MH_ENTRY_STATUS_DRAFT);
  fill_details (details);
  g_assert_true (mh_store_save_entry_full (f->store, entry, details, MH_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  id = mh_entry_get_id (entry);
  first = reload (f->store, entry);
  first_details = reload_details (f->store, id);
  g_assert_cmpuint (count_revisions (f->store, id), ==, 0);

  /* Two, then three. */
  set_other_values (entry);
  mh_entry_set_title (entry, "Two");
  set_terms (details, "themes", "museums");
  g_assert_true (mh_store_save_entry_full (f->store, entry, details, MH_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  mh_entry_set_title (entry, "Three");
  mh_entry_set_body (entry, "a\nc\n");
  g_list_store_remove_all (mh_entry_details_get_participants (details));
  g_assert_true (mh_store_save_entry_full (f->store, entry, details, MH_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  three = reload (f->store, entry);

  revisions = mh_store_list_revisions (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  newest = g_list_model_get_item (revisions, 0);
  oldest = g_list_model_get_item (revisions, 1);
  g_assert_cmpstr (mh_revision_get_title (newest), ==, "Two");
  g_assert_cmpstr (mh_revision_get_title (oldest), ==, "One");
  g_assert_cmpstr (mh_revision_get_body (oldest), ==, "a\nb\n");
  g_assert_cmpint (mh_revision_get_status (oldest), ==, MH_ENTRY_STATUS_DRAFT);
  g_assert_cmpint (mh_revision_get_status (newest), ==, MH_ENTRY_STATUS_ARCHIVED);
  g_assert_cmpint (mh_revision_get_entry_id (oldest), ==, id);
  g_assert_cmpint (mh_revision_get_id (newest), >, mh_revision_get_id (oldest));
  g_assert_nonnull (mh_revision_get_created_at (oldest));
  label = mh_revision_dup_label (oldest);
  g_assert_cmpstr (label, !=, "");

  /* The entry and lists as the oldest revision kept them, for compare. */
  then = mh_store_get_revision_entry (f->store, mh_revision_get_id (oldest), &error);
  g_assert_no_error (error);
  assert_same_entry (then, first);
  then_details = mh_store_get_revision_details (f->store, mh_revision_get_id (oldest), &error);
  g_assert_no_error (error);
  assert_same_details (then_details, first_details);
  differ = mh_entry_diff_fields (then, three);
  g_assert_true (g_strv_contains ((const char * const *) differ, "title"));
  g_assert_true (g_strv_contains ((const char * const *) differ, "body"));
  g_assert_true (g_strv_contains ((const char * const *) differ, "country"));
  g_assert_true (g_strv_contains ((const char * const *) differ, "authors"));
  g_assert_false (g_strv_contains ((const char * const *) differ, "id"));

  /* Restoring brings back every field and list... */
  g_assert_true (mh_store_restore_revision (f->store, mh_revision_get_id (oldest), &error));
  g_assert_no_error (error);
  now = reload (f->store, entry);
  assert_same_entry (now, first);
  now_details = reload_details (f->store, id);
  assert_same_details (now_details, first_details);

  /* ... and is itself undoable: what it replaced is the newest revision. */
  g_clear_object (&revisions);
  g_clear_object (&newest);
  revisions = mh_store_list_revisions (f->store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 3);
  newest = g_list_model_get_item (revisions, 0);
  g_assert_cmpstr (mh_revision_get_title (newest), ==, "Three");
  g_assert_true (mh_store_restore_revision (f->store, mh_revision_get_id (newest), &error));
  g_assert_no_error (error);
  g_clear_object (&now);
  now = reload (f->store, entry);
  assert_same_entry (now, three);
  g_assert_cmpuint (count_revisions (f->store, id), ==, 4);

  mh_store_restore_revision (f->store, 9999, &error);
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND);
}

static void
test_revisions_slug (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = save_new (f->store, MH_ENTRY_KIND_ARTICLE, "Old name");
  g_autoptr(MhEntry) other = NULL;
  g_autoptr(MhEntry) now = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(MhRevision) revision = NULL;

  /* Published, renamed: the old slug becomes an alias. */
  mh_entry_set_status (entry, MH_ENTRY_STATUS_PUBLISHED);
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  mh_entry_set_slug (entry, "new-name");
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  other = mh_store_find_entry (f->store, "old-name", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mh_entry_get_id (other), ==, mh_entry_get_id (entry));

  /* Restoring the first version takes its slug back. */
  revisions = mh_store_list_revisions (f->store, mh_entry_get_id (entry), &error);
  revision = g_list_model_get_item (revisions, g_list_model_get_n_items (revisions) - 1);
  g_assert_cmpstr (mh_revision_get_slug (revision), ==, "old-name");
  g_assert_true (mh_store_restore_revision (f->store, mh_revision_get_id (revision), &error));
  g_assert_no_error (error);
  now = reload (f->store, entry);
  g_assert_cmpstr (mh_entry_get_slug (now), ==, "old-name");
  g_assert_cmpint (mh_entry_get_status (now), ==, MH_ENTRY_STATUS_DRAFT);
}

static void
test_revisions_autosave (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = save_new (f->store, MH_ENTRY_KIND_ARTICLE, "Draft");
  g_autoptr(MhEntry) again = NULL;
  gint64 id = mh_entry_get_id (entry);
  g_autofree char *stamp = NULL;

  /* Saving what is already saved keeps nothing and changes no time. */
  stamp = g_strdup (mh_entry_get_updated_at (entry));
  g_usleep (G_USEC_PER_SEC * 11 / 10);
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_revisions (f->store, id), ==, 0);
  g_assert_cmpstr (mh_entry_get_updated_at (entry), ==, stamp);
  again = reload (f->store, entry);
  g_assert_cmpstr (mh_entry_get_updated_at (again), ==, stamp);

  /* Autosaves while typing: one revision per interval. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *body = g_strdup_printf ("Typing %u", i);

      mh_entry_set_body (entry, body);
      g_assert_true (mh_store_save_entry_full (f->store, entry, NULL, MH_SAVE_AUTOSAVE, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_revisions (f->store, id), ==, 1);
  g_assert_cmpstr (mh_entry_get_updated_at (entry), !=, stamp);

  /* An explicit save always keeps one. */
  mh_entry_set_body (entry, "Done");
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  g_assert_cmpuint (count_revisions (f->store, id), ==, 2);
}

/* Revisions written before lists and the other columns were kept: what
 * they lack reads (and restores) as the entry is now. */
static void
test_revisions_legacy (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_EVENT);
  g_autoptr(MhEntryDetails) details = mh_entry_details_new ();
  g_autoptr(MhEntryDetails) then_details = NULL;
  g_autoptr(MhEntryDetails) now_details = NULL;
  g_autoptr(MhEntry) then = NULL;
  g_autoptr(MhEntry) now = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(MhRevision) legacy = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  set_all_fields (entry);
  mh_entry_set_title (entry, "Current");
  fill_details (details);
  g_assert_true (mh_store_save_entry_full (f->store, entry, details, MH_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_clear_object (&details);
  details = reload_details (f->store, mh_entry_get_id (entry));

  sql = g_strdup_printf ("INSERT INTO revisions (entry_id, created_at, title, summary, body_md, "
                         "fields) VALUES (%" G_GINT64_FORMAT ", '2024-01-01T10:00:00Z', 'Old', "
                         "NULL, 'old body', json_object ('slug', 'current', 'status', "
                         "'draft', 'lang', NULL, 'date', '2020-01-01', 'event_start', NULL, "
                         "'event_end', NULL, 'call_deadline', NULL))",
                         mh_entry_get_id (entry));
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  revisions = mh_store_list_revisions (f->store, mh_entry_get_id (entry), &error);
  g_assert_no_error (error);
  legacy = g_list_model_get_item (revisions, 0);
  then = mh_store_get_revision_entry (f->store, mh_revision_get_id (legacy), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mh_entry_get_title (then), ==, "Old");
  g_assert_cmpstr (mh_entry_get_date (then), ==, "2020-01-01");
  g_assert_null (mh_entry_get_event_start (then));
  g_assert_cmpstr (mh_entry_get_city (then), ==, "Prague");
  then_details = mh_store_get_revision_details (f->store, mh_revision_get_id (legacy), &error);
  g_assert_no_error (error);
  assert_same_details (then_details, details);

  g_assert_true (mh_store_restore_revision (f->store, mh_revision_get_id (legacy), &error));
  g_assert_no_error (error);
  now = reload (f->store, entry);
  assert_same_entry (now, then);
  now_details = reload_details (f->store, mh_entry_get_id (entry));
  assert_same_details (now_details, details);
}

/* --- Diff ----------------------------------------------------------------------------- */

static char *
diff_to_string (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      MhDiffLine *line = g_ptr_array_index (lines, i);

      g_string_append_printf (out, "%c%u,%u %s\n", "=-+"[line->op], line->old_line,
                              line->new_line, line->text);
    }
  return g_string_free (out, FALSE);
}

/* The equal and deleted lines give the old text, the equal and inserted
 * ones the new text, each with increasing line numbers. */
static void
assert_diff_rebuilds (const char *old_text,
                      const char *new_text,
                      GPtrArray  *lines)
{
  GString *old_lines = g_string_new (NULL);
  GString *new_lines = g_string_new (NULL);
  guint old_n = 0, new_n = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      MhDiffLine *line = g_ptr_array_index (lines, i);

      if (line->op != MH_DIFF_INSERT)
        {
          g_string_append_printf (old_lines, "%s\n", line->text);
          g_assert_cmpuint (line->old_line, ==, ++old_n);
        }
      if (line->op != MH_DIFF_DELETE)
        {
          g_string_append_printf (new_lines, "%s\n", line->text);
          g_assert_cmpuint (line->new_line, ==, ++new_n);
        }
    }
  g_assert_cmpstr (old_lines->str, ==, old_text);
  g_assert_cmpstr (new_lines->str, ==, new_text);
  g_string_free (old_lines, TRUE);
  g_string_free (new_lines, TRUE);
}

static void
test_diff_small (void)
{
  g_autoptr(GPtrArray) lines = mh_text_diff_lines ("a\nb\nc\nd\n", "a\nx\nc\nd\ne\n");
  g_autoptr(GPtrArray) same = mh_text_diff_lines ("one\ntwo", "one\ntwo\n");
  g_autoptr(GPtrArray) empty = mh_text_diff_lines (NULL, "");
  g_autoptr(GPtrArray) added = mh_text_diff_lines ("", "new\n");
  g_autoptr(GPtrArray) moved = mh_text_diff_lines ("x\ny\nz\n", "z\nx\ny\n");
  g_autoptr(GPtrArray) replaced = mh_text_diff_lines ("p\na\nb\nq\n", "p\nx\ny\nq\n");
  g_autofree char *text = diff_to_string (lines);
  g_autofree char *moved_text = diff_to_string (moved);
  g_autofree char *replaced_text = diff_to_string (replaced);

  g_assert_cmpstr (text, ==,
                   "=1,1 a\n"
                   "-2,0 b\n"
                   "+0,2 x\n"
                   "=3,3 c\n"
                   "=4,4 d\n"
                   "+0,5 e\n");
  assert_diff_rebuilds ("a\nb\nc\nd\n", "a\nx\nc\nd\ne\n", lines);
  g_assert_cmpuint (same->len, ==, 2);
  g_assert_cmpint (((MhDiffLine *) same->pdata[1])->op, ==, MH_DIFF_EQUAL);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (added->len, ==, 1);
  g_assert_cmpint (((MhDiffLine *) added->pdata[0])->op, ==, MH_DIFF_INSERT);
  /* Shortest: one line moved is one deletion and one insertion. */
  g_assert_cmpstr (moved_text, ==, "+0,1 z\n=1,2 x\n=2,3 y\n-3,0 z\n");
  /* A replaced passage reads as the old lines, then the new ones. */
  g_assert_cmpstr (replaced_text, ==, "=1,1 p\n-2,0 a\n-3,0 b\n+0,2 x\n+0,3 y\n=4,4 q\n");
}

static void
test_diff_large (void)
{
  GString *old_text = g_string_new (NULL);
  GString *new_text = g_string_new (NULL);
  GString *other = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) replaced = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint changed = 0;

  for (guint i = 0; i < 20000; i++)
    {
      g_string_append_printf (old_text, "line %u\n", i);
      if (i % 397 == 5)
        {
          g_string_append_printf (new_text, "changed %u\n", i);
          changed++;
        }
      else if (i % 389 != 3)
        g_string_append_printf (new_text, "line %u\n", i);
      g_string_append_printf (other, "other %u\n", i);
    }

  lines = mh_text_diff_lines (old_text->str, new_text->str);
  assert_diff_rebuilds (old_text->str, new_text->str, lines);
  {
    guint inserted = 0;

    for (guint i = 0; i < lines->len; i++)
      inserted += ((MhDiffLine *) lines->pdata[i])->op == MH_DIFF_INSERT;
    g_assert_cmpuint (inserted, ==, changed);
  }

  /* Texts with nothing in common take the bounded way out, quickly. */
  g_timer_start (timer);
  replaced = mh_text_diff_lines (old_text->str, other->str);
  assert_diff_rebuilds (old_text->str, other->str, replaced);
  g_assert_cmpuint (replaced->len, ==, 40000);
  g_test_message ("20,000 replaced lines in %.2f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);

  g_string_free (old_text, TRUE);
  g_string_free (new_text, TRUE);
  g_string_free (other, TRUE);
}

/* --- Lifecycle ---------------------------------------------------------------------- */

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_EVENT);
  g_autoptr(MhEntryDetails) details = mh_entry_details_new ();
  g_autoptr(MhEntryDetails) original_details = NULL;
  g_autoptr(MhEntryDetails) copy_details = NULL;
  g_autoptr(MhEntry) copy = NULL;
  g_autoptr(MhEntry) second = NULL;
  g_autoptr(MhEntry) expected = NULL;

  set_all_fields (entry);
  mh_entry_set_title (entry, "Spotlight in Prague");
  fill_details (details);
  g_assert_true (mh_store_save_entry_full (f->store, entry, details, MH_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  copy = mh_store_duplicate_entry (f->store, mh_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mh_entry_get_id (copy), !=, mh_entry_get_id (entry));
  g_assert_cmpstr (mh_entry_get_uuid (copy), !=, mh_entry_get_uuid (entry));
  g_assert_cmpstr (mh_entry_get_title (copy), ==, "Spotlight in Prague (copy)");
  g_assert_cmpstr (mh_entry_get_slug (copy), ==, "spotlight-in-prague-copy");
  g_assert_cmpint (mh_entry_get_status (copy), ==, MH_ENTRY_STATUS_DRAFT);

  /* Everything else is the same, lists included. */
  expected = mh_entry_copy (entry);
  mh_entry_set_title (expected, mh_entry_get_title (copy));
  mh_entry_set_slug (expected, mh_entry_get_slug (copy));
  mh_entry_set_status (expected, MH_ENTRY_STATUS_DRAFT);
  assert_same_entry (copy, expected);
  original_details = reload_details (f->store, mh_entry_get_id (entry));
  copy_details = reload_details (f->store, mh_entry_get_id (copy));
  assert_same_details (copy_details, original_details);
  g_assert_cmpuint (count_revisions (f->store, mh_entry_get_id (copy)), ==, 0);

  /* A second copy gets a slug of its own. */
  second = mh_store_duplicate_entry (f->store, mh_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mh_entry_get_slug (second), ==, "spotlight-in-prague-copy-2");

  g_assert_null (mh_store_duplicate_entry (f->store, 9999, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND);
}

static void
test_bulk_status (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 missing = 9999;
  const char * const slugs[] = { "lab-2024", "recap", "original" };

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      gint64 id = id_of (f->store, slugs[i]);

      g_array_append_val (ids, id);
    }

  g_assert_true (mh_store_set_status (f->store, ids, MH_ENTRY_STATUS_REVIEW, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(MhEntry) entry = mh_store_get_entry (f->store, g_array_index (ids, gint64, i),
                                                     &error);

      g_assert_cmpint (mh_entry_get_status (entry), ==, MH_ENTRY_STATUS_REVIEW);
      g_assert_cmpuint (count_revisions (f->store, mh_entry_get_id (entry)), ==, 1);
    }

  /* Entries already there keep no revision. */
  g_assert_true (mh_store_set_status (f->store, ids, MH_ENTRY_STATUS_REVIEW, &error));
  g_assert_cmpuint (count_revisions (f->store, g_array_index (ids, gint64, 0)), ==, 1);

  /* One missing entry: none changes. */
  before = dump (f->store);
  g_array_append_val (ids, missing);
  g_assert_false (mh_store_set_status (f->store, ids, MH_ENTRY_STATUS_PUBLISHED, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
demo_setup (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = mh_test_make_tmp_dir ();
  f->path = g_build_filename (f->dir, "demo.masthead", NULL);
  g_assert_true (mh_demo_create (f->path, FALSE, &error));
  g_assert_no_error (error);
  f->store = mh_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* Loading and saving every entry of the demo, lists included, changes
 * nothing a dump shows: no field or list is lost on the way. */
static void
test_demo_resave (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;
  g_autoptr(GArray) ids = NULL;
  MhEntryQuery query;

  mh_entry_query_init (&query);
  ids = mh_store_query_entry_ids (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 5);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(MhEntry) entry = mh_store_get_entry (f->store, g_array_index (ids, gint64, i),
                                                     &error);
      g_autoptr(MhEntryDetails) details = reload_details (f->store, mh_entry_get_id (entry));

      g_assert_no_error (error);
      g_assert_true (mh_store_save_entry_full (f->store, entry, details, MH_SAVE_DEFAULT, &error));
      g_assert_no_error (error);
    }

  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

static gint64
count_matches (MhStore    *store,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  MhEntryQuery query;
  gint64 n;

  mh_entry_query_init (&query);
  query.text = text;
  n = mh_store_count_entries (store, &query, &error);
  g_assert_no_error (error);
  return n;
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(MhEntry) event = NULL;
  g_autoptr(MhEntry) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  /* An event other entries link to (a report's event, related content),
   * the report about it, and an article. */
  gint64 found;
  const char * const slugs[] = {
    "asef-linkup-2024-prague", "how-do-we-navigate-cultural-diplomacy", "in-cities-prague",
  };
  guint revisions;

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      gint64 id = id_of (f->store, slugs[i]);

      g_array_append_val (ids, id);
    }

  /* Give the event some history to lose. */
  event = mh_store_get_entry (f->store, g_array_index (ids, gint64, 0), &error);
  mh_entry_set_city (event, "Praha");
  g_assert_true (mh_store_save_entry (f->store, event, &error));
  mh_entry_set_city (event, "Prague");
  g_assert_true (mh_store_save_entry (f->store, event, &error));
  g_assert_no_error (error);
  revisions = count_revisions (f->store, mh_entry_get_id (event));
  g_assert_cmpuint (revisions, ==, 2);

  before = dump (f->store);
  found = count_matches (f->store, "Prague");
  g_assert_cmpint (found, >, 3);
  undo = mh_store_delete_entries (f->store, ids, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  deleted = dump (f->store);
  g_assert_cmpstr (deleted, !=, before);
  g_assert_null (strstr (deleted, "\"asef-linkup-2024-prague\""));

  g_assert_true (mh_store_restore_snapshot (f->store, undo, &error));
  g_assert_no_error (error);
  after = dump (f->store);
  g_assert_cmpstr (after, ==, before);
  /* Search finds them again. */
  g_assert_cmpint (count_matches (f->store, "Prague"), ==, found);

  /* Same ids, uuids and history. */
  back = mh_store_get_entry (f->store, mh_entry_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mh_entry_get_uuid (back), ==, mh_entry_get_uuid (event));
  g_assert_cmpuint (count_revisions (f->store, mh_entry_get_id (back)), ==, revisions);

  /* Twice is refused, and changes nothing. */
  g_assert_false (mh_store_restore_snapshot (f->store, undo, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (after);
  after = dump (f->store);
  g_assert_cmpstr (after, ==, before);

  /* Deleting a missing entry deletes nothing. */
  {
    gint64 missing = 9999;

    g_array_append_val (ids, missing);
    g_assert_null (mh_store_delete_entries (f->store, ids, &error));
    g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND);
    g_free (after);
    after = dump (f->store);
    g_assert_cmpstr (after, ==, before);
  }
}

/* What changed in between wins: a new entry took the deleted one's id and
 * slug. */
static void
test_delete_restore_conflicts (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(MhEntry) last = save_new (f->store, MH_ENTRY_KIND_ARTICLE, "Taken");
  g_autoptr(MhEntry) newcomer = NULL;
  g_autoptr(MhEntry) back = NULL;
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(JsonNode) node_before = NULL;
  g_autoptr(JsonNode) node_after = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = mh_entry_get_id (last);
  g_autoptr(MhEntryDetails) details = mh_entry_details_new ();
  g_autoptr(MhEntryRef) recap = mh_entry_ref_new ("recap");

  g_list_store_append (mh_entry_details_get_related (details), recap);
  g_assert_true (mh_store_save_entry_details (f->store, id, details, &error));
  g_assert_no_error (error);
  node_before = mh_site_json_entry_node (f->store, "taken", &error);
  before = mh_site_json_node_to_string (node_before);

  g_array_append_val (ids, id);
  undo = mh_store_delete_entries (f->store, ids, &error);
  g_assert_no_error (error);

  /* SQLite gives the freed (highest) id to the next entry. */
  newcomer = save_new (f->store, MH_ENTRY_KIND_PAGE, "Taken");
  g_assert_cmpint (mh_entry_get_id (newcomer), ==, id);
  g_assert_cmpstr (mh_entry_get_slug (newcomer), ==, "taken");

  g_assert_true (mh_store_restore_snapshot (f->store, undo, &error));
  g_assert_no_error (error);
  back = mh_store_find_entry (f->store, "taken-2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mh_entry_get_id (back), !=, id);
  g_assert_cmpstr (mh_entry_get_uuid (back), ==, mh_entry_get_uuid (last));
  node_after = mh_site_json_entry_node (f->store, "taken-2", &error);
  g_assert_no_error (error);
  after = mh_site_json_node_to_string (node_after);
  {
    g_autofree char *expected = NULL;
    g_autoptr(GString) fixed = g_string_new (before);

    g_string_replace (fixed, "\"taken\"", "\"taken-2\"", 1);
    expected = g_string_free (g_steal_pointer (&fixed), FALSE);
    g_assert_cmpstr (after, ==, expected);
  }
}

/* --- Choices -------------------------------------------------------------------------- */

static char *
choices_to_string (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MhChoice) choice = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%*s%s=%s%s%s;", (int) mh_choice_get_depth (choice) * 2, "",
                              mh_choice_get_key (choice), mh_choice_get_label (choice),
                              mh_choice_get_parent_key (choice) ? "<" : "",
                              mh_choice_get_parent_key (choice) ? mh_choice_get_parent_key (choice)
                                                                : "");
    }
  return g_string_free (out, FALSE);
}

static void
test_choices (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) vocabularies = mh_store_list_vocabularies (f->store, &error);
  g_autoptr(GListModel) countries = mh_store_list_terms (f->store, "countries", &error);
  g_autoptr(GListModel) people = mh_store_list_people (f->store, &error);
  g_autoptr(GListModel) assets = mh_store_list_assets (f->store, &error);
  g_autoptr(GListModel) organisations = mh_store_list_organisations (f->store, &error);
  g_autoptr(GListModel) events = mh_store_list_entry_choices (f->store, MH_ENTRY_KIND_EVENT,
                                                              &error);
  g_autoptr(GListModel) missing = NULL;
  g_autoptr(MhChoice) kok = NULL;
  g_autoptr(MhChoice) cerna = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = choices_to_string (vocabularies);
  g_assert_cmpstr (text, ==, "countries=Countries;themes=Themes;");
  g_free (text);

  text = choices_to_string (countries);
  g_assert_cmpstr (text, ==,
                   "asia=Asia;  japan=Japan<asia;  singapore=Singapore<asia;"
                   "europe=Europe;  czech-republic=Czech Republic<europe;  france=France<europe;");
  g_free (text);

  /* By family name, accents ignored: Černá sorts with C. */
  text = choices_to_string (people);
  g_assert_cmpstr (text, ==,
                   "p-adams=Ann ADAMS;p-cerna=Alžběta ČERNÁ;p-dvorak=Jan DVOŘÁK;"
                   "p-kok=KOK Heng Leun;p-schwarz=Isabelle SCHWARZ;");
  g_free (text);
  kok = g_list_model_get_item (people, 3);
  g_assert_cmpstr (mh_choice_get_detail (kok), ==, "Artistic Director, Drama Box");
  cerna = g_list_model_get_item (people, 1);
  g_assert_true (mh_choice_matches (cerna, "cerna"));
  g_assert_true (mh_choice_matches (cerna, "ALZBETA  černá"));
  g_assert_false (mh_choice_matches (cerna, "kok"));
  g_assert_true (mh_choice_matches (kok, "drama"));

  text = choices_to_string (assets);
  g_assert_cmpstr (text, ==, "cover.jpg=cover.jpg;report.pdf=report.pdf;");
  g_free (text);
  text = choices_to_string (organisations);
  g_assert_cmpstr (text, ==, "ati=Arts and Theatre Institute;asef=Asia-Europe Foundation;");
  g_free (text);
  text = choices_to_string (events);
  g_assert_cmpstr (text, ==, "lab-2024=Lab 2024;");

  missing = mh_store_list_terms (f->store, "colours", &error);
  g_assert_null (missing);
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND);
}

#define fixtured_test(path, data, func) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
#define demo_test(path, func) \
  g_test_add (path, Fixture, NULL, demo_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint kind = 0; kind < MH_N_ENTRY_KINDS; kind++)
    {
      g_autofree char *path =
        g_strdup_printf ("/mh/entry-edit/fields/%s", mh_entry_kind_to_string (kind));

      fixtured_test (path, GINT_TO_POINTER (kind), test_fields_round_trip);
    }
  fixtured_test ("/mh/entry-edit/fields/references", NULL, test_fields_references);
  g_test_add_func ("/mh/entry-edit/fields/notify", test_fields_notify);

  fixtured_test ("/mh/entry-edit/lists/round-trip", NULL, test_lists_round_trip);
  fixtured_test ("/mh/entry-edit/lists/duplicates", NULL, test_lists_duplicates);
  g_test_add_func ("/mh/entry-edit/lists/changed-signal", test_lists_changed_signal);

  for (guint i = 0; i < G_N_ELEMENTS (bad_references); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/mh/entry-edit/unknown/%s", bad_references[i].name);

      fixtured_test (path, &bad_references[i], test_unknown_reference);
    }

  fixtured_test ("/mh/entry-edit/validation/valid", NULL, test_validation_valid);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mh/entry-edit/validation/%s", rules[i].name);

      fixtured_test (path, &rules[i], test_validation_rule);
    }
  g_test_add_func ("/mh/entry-edit/validation/many", test_validation_many);

  fixtured_test ("/mh/entry-edit/revisions/list-compare-restore", NULL, test_revisions);
  fixtured_test ("/mh/entry-edit/revisions/slug", NULL, test_revisions_slug);
  fixtured_test ("/mh/entry-edit/revisions/autosave", NULL, test_revisions_autosave);
  fixtured_test ("/mh/entry-edit/revisions/legacy", NULL, test_revisions_legacy);

  g_test_add_func ("/mh/entry-edit/diff/small", test_diff_small);
  g_test_add_func ("/mh/entry-edit/diff/large", test_diff_large);

  fixtured_test ("/mh/entry-edit/duplicate", NULL, test_duplicate);
  fixtured_test ("/mh/entry-edit/bulk-status", NULL, test_bulk_status);
  demo_test ("/mh/entry-edit/demo-resave", test_demo_resave);
  demo_test ("/mh/entry-edit/delete-restore", test_delete_restore);
  fixtured_test ("/mh/entry-edit/delete-restore-conflicts", NULL, test_delete_restore_conflicts);

  fixtured_test ("/mh/entry-edit/choices", NULL, test_choices);

  return g_test_run ();
}
