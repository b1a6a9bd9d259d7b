#ifndef MLBOARD_CNCURSES_SHIM_H
#define MLBOARD_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

/* Swift 6 strict concurrency rejects mutable C globals and cannot see macros
   with arguments, so the front end reaches them only through these functions. */
static inline WINDOW *mlb_stdscr(void) { return stdscr; }
static inline int mlb_lines(void) { return LINES; }
static inline int mlb_cols(void) { return COLS; }
static inline int mlb_color_pair(int n) { return COLOR_PAIR(n); }
static inline int mlb_colors(void) { return COLORS; }
static inline int mlb_color_pairs(void) { return COLOR_PAIRS; }

/* The width the C library (and so ncurses) gives a code point in the current locale:
   0 for combining and format characters, 2 for wide ones, -1 for what it cannot print. */
static inline int mlb_wcwidth(uint32_t scalar) { return wcwidth((wchar_t)scalar); }
/* Whether the current locale's character set is UTF-8 (setlocale must have run first). */
static inline int mlb_codeset_is_utf8(void) { return strcmp(nl_langinfo(CODESET), "UTF-8") == 0; }
/* The line-drawing character ncurses sends for a VT100 alternate-charset letter such as 'l'
   (top-left corner): it works in every locale, where UTF-8 box drawing would not. */
static inline chtype mlb_acs(char letter) { return NCURSES_ACS(letter); }

static inline int mlb_set_style(attr_t attrs, short pair) { return attr_set(attrs, pair, NULL); }
static inline attr_t mlb_a_bold(void) { return A_BOLD; }
static inline attr_t mlb_a_dim(void) { return A_DIM; }
static inline attr_t mlb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t mlb_a_reverse(void) { return A_REVERSE; }
static inline attr_t mlb_a_italic(void) { return A_ITALIC; }
static inline attr_t mlb_a_normal(void) { return A_NORMAL; }
static inline int mlb_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t mlb_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
/* 1 for a click, 4 for wheel up, 5 for wheel down, 0 for anything else. */
static inline int mlb_mouse_button(mmask_t state) {
    if (state & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) return 1;
    if (state & BUTTON4_PRESSED) return 4;
#ifdef BUTTON5_PRESSED
    if (state & BUTTON5_PRESSED) return 5;
#endif
    return 0;
}

#endif
