/* bench-window.c: how the window copes with a large site
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: build-aux/bench/ui runs it by hand, under Xvfb.
 *
 *   bench-window --generate N SITE   creates SITE with N generated entries
 *   bench-window SITE                opens SITE in a window and measures:
 *
 *   - the first frame: from the start of the process, and from creating
 *     the window, to the end of its first painted frame;
 *   - search: a phrase typed into the search entry one key at a time; for
 *     each key, the time until the list holds the results, and until they
 *     are painted;
 *   - scrolling: reading a screenful of entries at random places in the
 *     model, jumping the list to random places, and scrolling it 60 px a
 *     frame, with the time each frame takes to lay out and paint.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "mh-entry-list.h"
#include "mh-entry.h"
#include "mh-store.h"
#include "mh-window-private.h"
#include "mh-window.h"

#define SCREENFUL        20
#define N_JUMPS          100
#define N_SCROLL_STEPS   150
#define SCROLL_STEP_PX   60
#define FRAME_TIMEOUT_MS 500

/* Text with the word frequencies of real text: a vocabulary of
 * VOCABULARY_SIZE words drawn with Zipf's law, in which the words of the
 * portal sit at plausible ranks. With 90 words an entry, "cultural" is in
 * about one entry in five, "diplomacy" in one in sixty, "prague" in one in
 * a hundred and fifty. The other words are made of syllables. */
#define VOCABULARY_SIZE 20000
#define ZIPF_EXPONENT   1.07

static const struct
{
  guint       rank;
  const char *word;
} known_words[] = {
  { 0, "the" }, { 1, "and" }, { 2, "of" }, { 3, "in" }, { 4, "a" }, { 5, "to" },
  { 8, "for" }, { 12, "with" }, { 20, "arts" }, { 30, "cultural" }, { 45, "culture" },
  { 70, "artists" }, { 90, "festival" }, { 120, "europe" }, { 130, "asia" },
  { 200, "museum" }, { 260, "heritage" }, { 330, "policy" }, { 400, "diplomacy" },
  { 520, "residency" }, { 700, "lab" }, { 900, "prague" }, { 1200, "singapore" },
  { 2000, "fellowship" }, { 4000, "cerna" }, { 9000, "hanoi" },
};

static const char *syllables[] = {
  "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "ba", "di", "fe", "go", "hu", "ji",
  "ki", "la", "mo", "nu", "pe", "qui", "ro", "si", "tu", "va", "we", "xo", "ya", "ze",
  "cha", "tri", "pla", "sto", "bre", "cla", "dro", "fla", "gri", "ste",
};

typedef struct
{
  char   **words;
  double  *cumulative;   /* Zipf: P(rank <= i) */
} Vocabulary;

static void
vocabulary_init (Vocabulary *v)
{
  double total = 0;

  v->words = g_new0 (char *, VOCABULARY_SIZE);
  v->cumulative = g_new (double, VOCABULARY_SIZE);

  for (guint i = 0; i < G_N_ELEMENTS (known_words); i++)
    v->words[known_words[i].rank] = g_strdup (known_words[i].word);

  for (guint r = 0; r < VOCABULARY_SIZE; r++)
    {
      if (v->words[r] == NULL)
        {
          GString *word = g_string_new (NULL);
          guint n = r;

          /* A different word for each rank, two to four syllables. */
          do
            {
              g_string_append (word, syllables[n % G_N_ELEMENTS (syllables)]);
              n /= G_N_ELEMENTS (syllables);
            }
          while (n > 0 || word->len < 4);
          v->words[r] = g_string_free (word, FALSE);
        }
      total += 1.0 / pow (r + 1, ZIPF_EXPONENT);
      v->cumulative[r] = total;
    }

  for (guint r = 0; r < VOCABULARY_SIZE; r++)
    v->cumulative[r] /= total;
}

static void
vocabulary_clear (Vocabulary *v)
{
  for (guint r = 0; r < VOCABULARY_SIZE; r++)
    g_free (v->words[r]);
  g_clear_pointer (&v->words, g_free);
  g_clear_pointer (&v->cumulative, g_free);
}

static const char *
vocabulary_draw (Vocabulary *v,
                 GRand      *rand)
{
  double x = g_rand_double (rand);
  guint low = 0;
  guint high = VOCABULARY_SIZE - 1;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (v->cumulative[mid] < x)
        low = mid + 1;
      else
        high = mid;
    }

  return v->words[low];
}

static char *
sentence (Vocabulary *v,
          GRand      *rand,
          guint       n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, vocabulary_draw (v, rand));
    }
  if (text->len > 0)
    text->str[0] = g_ascii_toupper (text->str[0]);

  return g_string_free (text, FALSE);
}

static const char *languages[] = { "en", "en", "en", "en", "en", "en", "en", "en", "fr", "de" };

static int
generate (const char *path,
          guint       n_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1729);
  g_autoptr(GTimer) timer = g_timer_new ();
  Vocabulary vocabulary;

  vocabulary_init (&vocabulary);
  store = mh_store_create (path, &error);
  if (store == NULL || !mh_store_set_title (store, "Benchmark site", &error) ||
      !mh_store_begin (store, &error))
    {
      g_printerr ("bench-window: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(MhEntry) entry = mh_entry_new (i % MH_N_ENTRY_KINDS);
      g_autofree char *words_title = sentence (&vocabulary, rand, g_rand_int_range (rand, 3, 9));
      g_autofree char *title = g_strdup_printf ("%s %u", words_title, i);
      g_autofree char *slug = g_strdup_printf ("entry-%u", i);
      g_autofree char *summary = sentence (&vocabulary, rand, g_rand_int_range (rand, 12, 24));
      g_autofree char *first = sentence (&vocabulary, rand, 40);
      g_autofree char *second = sentence (&vocabulary, rand, 40);
      g_autofree char *body = g_strdup_printf ("%s.\n\n%s.", first, second);
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2015 + i % 11, 1 + i % 12,
                                               1 + i % 28);

      mh_entry_set_title (entry, title);
      mh_entry_set_slug (entry, slug);
      mh_entry_set_summary (entry, summary);
      mh_entry_set_body (entry, body);
      mh_entry_set_date (entry, date);
      mh_entry_set_language (entry, languages[i % G_N_ELEMENTS (languages)]);
      mh_entry_set_status (entry, (i / MH_N_ENTRY_KINDS) % MH_N_ENTRY_STATUSES);
      if (i % MH_N_ENTRY_KINDS == MH_ENTRY_KIND_OPEN_CALL)
        mh_entry_set_deadline (entry, date);
      if (i % MH_N_ENTRY_KINDS == MH_ENTRY_KIND_EVENT)
        {
          mh_entry_set_event_start (entry, date);
          mh_entry_set_event_end (entry, date);
        }

      if (!mh_store_save_entry (store, entry, &error))
        {
          g_printerr ("bench-window: entry %u: %s\n", i, error->message);
          return 1;
        }
    }

  if (!mh_store_commit (store, &error))
    {
      g_printerr ("bench-window: %s\n", error->message);
      return 1;
    }

  vocabulary_clear (&vocabulary);
  g_print ("generated %u entries in %.1f s\n", n_entries, g_timer_elapsed (timer, NULL));
  return 0;
}

/* Frames: the frame clock tells when a frame starts painting and when it
 * is done. */
typedef struct
{
  gint64   frame_start;   /* before-paint of the current frame */
  gint64   last_painted;  /* after-paint of the last frame */
  gint64   last_work;     /* its before-paint → after-paint, µs */
  guint    n_frames;
} Frames;

static Frames frames;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    gpointer       user_data)
{
  frames.frame_start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  frames.last_painted = g_get_monotonic_time ();
  frames.last_work = frames.last_painted - frames.frame_start;
  frames.n_frames++;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until a frame has been painted after @since, or
 * FRAME_TIMEOUT_MS went by. Returns whether one was. */
static gboolean
wait_for_frame (gint64 since)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (FRAME_TIMEOUT_MS, timeout_cb, &timed_out);

  while (frames.last_painted < since && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return frames.last_painted >= since;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_stats (const char *what,
             GArray     *ms)
{
  double *v = (double *) ms->data;
  double sum = 0;
  guint n = ms->len;

  if (n == 0)
    return;

  qsort (v, n, sizeof (double), compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += v[i];

  g_print ("  %-44s median %6.1f ms   p95 %6.1f ms   max %6.1f ms   mean %6.1f ms   (n=%u)\n",
           what, v[n / 2], v[MIN (n - 1, (guint) (n * 0.95))], v[n - 1], sum / n, n);
}

static void
on_search_text_notify_cb (MhWindow   *window,
                          GParamSpec *pspec,
                          gint64     *when)
{
  *when = g_get_monotonic_time ();
}

static void
measure_search (MhWindow   *window,
                const char *phrase)
{
  g_autoptr(GArray) model_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) painted_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *entries = mh_window_get_entries (window);
  gint64 settled = 0;
  gulong handler;

  handler = g_signal_connect (window, "notify::search-text",
                              G_CALLBACK (on_search_text_notify_cb), &settled);

  g_print ("search: typing \"%s\" one key at a time\n", phrase);
  for (gsize len = 1; len <= strlen (phrase); len++)
    {
      g_autofree char *prefix = g_strndup (phrase, len);
      gint64 start;
      double model;
      double painted;
      int end = (int) len - 1;

      if (prefix[len - 1] == ' ')
        {
          gtk_editable_insert_text (GTK_EDITABLE (window->search_entry), " ", 1, &end);
          spin (50);
          continue;
        }

      /* One key: a character inserted at the end, as typing does (setting
       * the whole text would first clear it, a search of its own). */
      settled = 0;
      start = g_get_monotonic_time ();
      gtk_editable_insert_text (GTK_EDITABLE (window->search_entry), &phrase[len - 1], 1, &end);
      while (settled == 0)
        g_main_context_iteration (NULL, TRUE);
      model = (settled - start) / 1000.0;
      g_array_append_val (model_ms, model);

      if (wait_for_frame (settled))
        {
          double work = frames.last_work / 1000.0;

          painted = (frames.last_painted - start) / 1000.0;
          g_array_append_val (painted_ms, painted);
          g_array_append_val (work_ms, work);
          g_print ("  %-24s %7u results   list %6.1f ms   painted %6.1f ms (frame %4.1f ms)\n",
                   prefix, g_list_model_get_n_items (entries), model, painted, work);
        }
      else
        g_print ("  %-24s %7u results   list %6.1f ms   (nothing to repaint)\n",
                 prefix, g_list_model_get_n_items (entries), model);
    }

  print_stats ("key → list holds the results", model_ms);
  print_stats ("key → results painted", painted_ms);
  print_stats ("frame that paints them (layout + paint)", work_ms);

  g_signal_handler_disconnect (window, handler);
  mh_window_set_search_text (window, "");
  spin (100);
}

static void
measure_model_reads (MhWindow *window,
                     GRand    *rand)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *entries = mh_window_get_entries (window);
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < N_JUMPS; i++)
    {
      guint first = g_rand_int_range (rand, 0, n - SCREENFUL);
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      for (guint j = first; j < first + SCREENFUL; j++)
        g_object_unref (g_list_model_get_item (entries, j));
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);
    }

  g_print ("scrolling:\n");
  print_stats ("read a screenful (20) at a random place", ms);
}

static void
measure_jumps (MhWindow *window,
               GRand    *rand)
{
  g_autoptr(GArray) wall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->list_view));

  for (guint i = 0; i < N_JUMPS; i++)
    {
      double top = (gtk_adjustment_get_upper (adjustment) -
                    gtk_adjustment_get_page_size (adjustment));
      gint64 start = g_get_monotonic_time ();

      gtk_adjustment_set_value (adjustment, g_rand_double (rand) * top);
      if (wait_for_frame (start))
        {
          double wall = (frames.last_painted - start) / 1000.0;
          double work = frames.last_work / 1000.0;

          g_array_append_val (wall_ms, wall);
          g_array_append_val (work_ms, work);
        }
    }

  print_stats ("jump to a random place → painted", wall_ms);
  print_stats ("  that frame (layout + paint)", work_ms);
}

static void
measure_smooth_scroll (MhWindow *window)
{
  g_autoptr(GArray) work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->list_view));
  guint over_budget = 0;

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
  wait_for_frame (g_get_monotonic_time ());

  for (guint i = 0; i < N_SCROLL_STEPS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + SCROLL_STEP_PX);
      if (wait_for_frame (start))
        {
          double work = frames.last_work / 1000.0;

          g_array_append_val (work_ms, work);
          if (work > 1000.0 / 60)
            over_budget++;
        }
    }

  print_stats ("scroll 60 px a frame: frame (layout + paint)", work_ms);
  g_print ("  frames over the 16.7 ms budget of 60 Hz: %u of %u\n", over_budget, work_ms->len);
}

static int
measure (const char *path,
         gint64      process_start,
         const char *phrase)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(MhEntry) first_entry = NULL;
  GdkFrameClock *clock;
  MhWindow *window;
  gint64 created;

  created = g_get_monotonic_time ();
  window = mh_window_new (NULL, path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));

  if (!wait_for_frame (created) || mh_window_get_store (window) == NULL)
    {
      g_printerr ("bench-window: the window showed no site: %s\n",
                  mh_window_get_error_message (window));
      return 1;
    }

  g_print ("site: %s, %u entries\n", path,
           g_list_model_get_n_items (mh_window_get_entries (window)));
  g_print ("first frame: %.0f ms after the process started, %.0f ms after the window was "
           "created\n",
           (frames.last_painted - process_start) / 1000.0,
           (frames.last_painted - created) / 1000.0);

  /* Let the sidebar counts (an idle) run before measuring the rest. */
  spin (500);

  measure_search (window, phrase);
  if (g_getenv ("BENCH_SEARCH_ONLY") != NULL)
    return 0;
  measure_model_reads (window, rand);
  measure_jumps (window, rand);
  measure_smooth_scroll (window);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  gint64 process_start = g_get_monotonic_time ();
  const char *phrase = g_getenv ("BENCH_SEARCH");

  if (argc == 4 && g_str_equal (argv[1], "--generate"))
    return generate (argv[3], (guint) g_ascii_strtoull (argv[2], NULL, 10));

  if (argc != 2)
    {
      g_printerr ("usage: bench-window --generate N SITE | bench-window SITE\n");
      return 2;
    }

  gtk_init ();
  adw_init ();

  return measure (argv[1], process_start, phrase != NULL ? phrase : "cultural diplomacy lab");
}
