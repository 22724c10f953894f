/* mh-site-model.h: a read-only snapshot of what a site publishes
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exporters (HTML site, Hugo bundle) and the preview read the site
 * through this model rather than through SQL. It holds only what may be
 * published: published entries, and of people only those who consented,
 * without their private fields (e-mail, phone, notes are never loaded).
 * All strings are UTF-8 and unescaped: escape them for their context
 * (mh-escape.h) when writing. Plain structs, owned by the model; a model is
 * immutable once loaded and may be read from several threads.
 */

#pragma once

#include <gio/gio.h>

#include "mh-store.h"

G_BEGIN_DECLS

/* Entries per listing page (sections, terms). */
#define MH_SITE_MODEL_PAGE_SIZE 20

typedef struct _MhSiteModel         MhSiteModel;
typedef struct _MhModelVocabulary   MhModelVocabulary;
typedef struct _MhModelTerm         MhModelTerm;
typedef struct _MhModelAsset        MhModelAsset;
typedef struct _MhModelOrganisation MhModelOrganisation;
typedef struct _MhModelPartner      MhModelPartner;
typedef struct _MhModelParticipant  MhModelParticipant;
typedef struct _MhModelProgramme    MhModelProgramme;
typedef struct _MhModelDownload     MhModelDownload;
typedef struct _MhModelEntry        MhModelEntry;

struct _MhModelVocabulary
{
  char        *key;            /* also the URL segment: countries, themes … */
  char        *name;           /* “Countries” */
  gboolean     hierarchical;
  GPtrArray   *terms;          /* MhModelTerm*, parents before their children, by weight */
  GPtrArray   *roots;          /* MhModelTerm*, the top level */
};

struct _MhModelTerm
{
  gint64             id;
  MhModelVocabulary *vocabulary;   /* borrowed */
  MhModelTerm       *parent;       /* borrowed, nullable */
  char              *slug;
  char              *name;
  char              *description;  /* nullable, Markdown */
  GPtrArray         *aliases;      /* utf8: old or other slugs */
  GPtrArray         *children;     /* MhModelTerm*, borrowed */
  GPtrArray         *entries;      /* MhModelEntry*, borrowed: published entries tagged with
                                    * this term or any of its descendants, newest first */
  char              *path;         /* “countries/czech-republic/” */
};

struct _MhModelAsset
{
  gint64  id;
  char   *name;                /* “ati-logo.svg” */
  char   *media_type;
  char   *sha256;
  gint64  size;
  char   *alt;                 /* nullable */
  char   *credit;              /* nullable */
  char   *path;                /* content-hashed: “assets/ati-logo.3f2a9c1b.svg” */
};

struct _MhModelOrganisation
{
  char         *key;
  char         *name;
  char         *url;           /* nullable */
  MhModelAsset *logo;          /* nullable, borrowed */
};

struct _MhModelPartner
{
  MhModelOrganisation *organisation;  /* borrowed */
  char                *relation;      /* organiser, co-organiser, funder, support, media-partner */
};

/* A participant who consented to appear (people.public = 1). */
struct _MhModelParticipant
{
  char         *key;
  char         *display_name;  /* family name in capitals, in the person's order:
                                * “KOK Heng Leun”, “Isabelle SCHWARZ” */
  char         *sort_name;     /* family name first, for sorting */
  char         *honorific;     /* nullable */
  char         *given_name;    /* nullable */
  char         *family_name;   /* nullable */
  gboolean      family_name_first;
  char         *organisation;  /* nullable */
  char         *job_title;     /* nullable */
  MhModelTerm  *country;       /* nullable, borrowed */
  char         *sector;        /* nullable */
  char         *bio;           /* nullable, Markdown */
  MhModelAsset *photo;         /* nullable, borrowed */
  char         *photo_credit;  /* nullable */
  char         *role;          /* participant, speaker, moderator … */
  char         *group;         /* nullable: “Arts sector” */
};

struct _MhModelProgramme
{
  char *start;                 /* nullable, ISO 8601 */
  char *end;                   /* nullable */
  char *title;
  char *venue;                 /* nullable */
};

struct _MhModelDownload
{
  MhModelAsset *asset;         /* borrowed */
  char         *title;         /* nullable */
  char         *language;      /* nullable */
};

struct _MhModelEntry
{
  gint64         id;
  char          *uuid;
  MhEntryKind    kind;
  char          *title;
  char          *slug;
  char          *language;     /* nullable: the site's language then */
  MhModelEntry  *translation_of;  /* nullable, borrowed */
  char          *date;         /* nullable, ISO 8601 */
  char          *summary;      /* nullable */
  char          *body;         /* Markdown, never NULL */
  gsize          body_length;  /* in bytes, as stored: strlen (body) unless it holds a NUL */
  char          *updated_at;
  MhModelAsset  *cover;        /* nullable, borrowed */
  char          *cover_alt;
  char          *cover_credit;
  GPtrArray     *authors;      /* utf8 */
  char          *posted_by;
  char          *series;
  GPtrArray     *hashtags;     /* utf8 */
  char          *website;
  GPtrArray     *aliases;      /* utf8: old slugs, redirected */
  GPtrArray     *terms;        /* MhModelTerm*, borrowed, in the editor's order */
  GPtrArray     *partners;     /* MhModelPartner*, in order */
  GPtrArray     *related;      /* MhModelEntry*, borrowed: editor-pinned, published only */

  /* kind = event */
  char          *event_start;
  char          *event_end;
  char          *time_zone;
  gboolean       all_day;
  gboolean       online;
  char          *venue;
  char          *city;
  MhModelTerm   *event_country;          /* nullable, borrowed */
  char          *event_format;
  int            participants_planned;   /* -1 when not given */
  int            participants_actual;    /* -1 when not given */
  GPtrArray     *participants;           /* MhModelParticipant*, in order, public only */
  GPtrArray     *programme;              /* MhModelProgramme* */

  /* kind = report */
  char          *publisher;
  MhModelEntry  *report_event;           /* nullable, borrowed */
  GPtrArray     *downloads;              /* MhModelDownload* */

  /* kind = open_call */
  char          *call_category;
  char          *deadline;
  GPtrArray     *eligible_countries;     /* MhModelTerm*, borrowed */

  /* where it is published */
  const char    *section;      /* reports, events, insights, opportunities, or "" for pages */
  char          *path;         /* “reports/SLUG/”, “about/” for a page */

  /*< private >*/
  guint          index;        /* in MhSiteModel.entries */
};

struct _MhSiteModel
{
  char       *title;
  char       *base_url;        /* always ends in “/”; “/” when the site has none */
  char       *language;
  char       *description;     /* nullable */
  GPtrArray  *languages;       /* utf8 */
  gboolean    allow_raw_html;
  char       *theme_dir;       /* nullable: the site's own theme folder */

  GPtrArray  *entries;         /* MhModelEntry*: published only, newest first */
  GPtrArray  *vocabularies;    /* MhModelVocabulary* */
  GPtrArray  *assets;          /* MhModelAsset*: every asset of the site, by name */
  GPtrArray  *organisations;   /* MhModelOrganisation* */

  /*< private >*/
  MhStore    *store;
  GStringChunk *strings;       /* owns every string of every entry */
  GStringChunk *list_strings;  /* … and of their participants */
  GPtrArray  *empty;           /* the list entries share while theirs is empty */
  GHashTable *entries_by_slug; /* slug and alias → MhModelEntry* */
  GHashTable *assets_by_name;
  GHashTable *terms_by_id;
  GHashTable *tagged;          /* MhModelTerm* → GArray of the indexes of the entries
                                * tagged with it */
  GPtrArray **similar;         /* per entry index: computed similar entries, or NULL */
  guint      *similar_max;     /* per entry index: the max they were computed for */
  guint      *similar_counts;  /* scratch space of mh_site_model_similar() */
  guint      *similar_touched;
  GMutex      similar_lock;
};

MhSiteModel  *mh_site_model_load            (const char    *path,
                                             GCancellable  *cancellable,
                                             GError       **error);
MhSiteModel  *mh_site_model_load_from_store (MhStore       *store,
                                             GCancellable  *cancellable,
                                             GError       **error);
MhSiteModel  *mh_site_model_load_preview    (const char    *path,
                                             gint64         entry_id,
                                             GCancellable  *cancellable,
                                             GError       **error);
void          mh_site_model_free            (MhSiteModel   *model);
MhModelEntry *mh_site_model_find_entry      (MhSiteModel   *model,
                                             const char    *slug_or_alias);
MhModelAsset *mh_site_model_find_asset      (MhSiteModel   *model,
                                             const char    *name);
GBytes       *mh_site_model_read_asset      (MhSiteModel   *model,
                                             MhModelAsset  *asset,
                                             GError       **error);
GPtrArray    *mh_site_model_similar         (MhSiteModel   *model,
                                             MhModelEntry  *entry,
                                             guint          max);
void          mh_site_model_prepare_similar (MhSiteModel   *model,
                                             guint          max);
void          mh_site_model_set_similar     (MhSiteModel   *model,
                                             MhModelEntry  *entry,
                                             GPtrArray     *similar,
                                             guint          max);
const char   *mh_site_model_section_for     (MhEntryKind    kind);
const char   *mh_site_model_section_title   (const char    *section);
char         *mh_site_model_url             (MhSiteModel   *model,
                                             const char    *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MhSiteModel, mh_site_model_free)

G_END_DECLS
