/* mh-window-private.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mh-window.h"

G_BEGIN_DECLS

void _mh_window_show_error (MhWindow     *self,
                            const GError *error);

G_END_DECLS
