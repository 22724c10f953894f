/* mh-test-utils.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mh-store.h"

G_BEGIN_DECLS

char     *mh_test_make_tmp_dir      (void);
void      mh_test_rm_rf             (const char *dir);
char     *mh_test_demo_json_path    (void);
GBytes   *mh_test_read_bytes        (const char *path);
void      mh_test_assert_file_equal (const char *path,
                                     GBytes     *expected);
MhStore  *mh_test_make_site         (const char *path,
                                     guint       n_entries);
void      mh_test_spin              (guint       ms);

G_END_DECLS
