/* mh-entry-private.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mh-entry.h"

G_BEGIN_DECLS

void _mh_entry_set_identity (MhEntry    *self,
                             gint64      id,
                             const char *uuid,
                             const char *updated_at);

G_END_DECLS
