#ifndef MLBOARD_CNCURSES_SHIM_H
#define MLBOARD_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/ncurses.h>

/* Swift 6 strict concurrency rejects mutable C globals and cannot see macros
   with arguments, so the front end reaches them only through these functions. */
static inline WINDOW *mlb_stdscr(void) { return stdscr; }
static inline int mlb_lines(void) { return LINES; }
static inline int mlb_cols(void) { return COLS; }
static inline int mlb_color_pair(int n) { return COLOR_PAIR(n); }
static inline int mlb_colors(void) { return COLORS; }
static inline int mlb_color_pairs(void) { return COLOR_PAIRS; }

#endif
