#ifndef CNCURSES_H
#define CNCURSES_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

/* Macros in curses.h that Swift cannot see, as functions. */
int cncurses_lines(void);
int cncurses_cols(void);
int cncurses_color_pair(int pair);
int cncurses_key_resize(void);
#endif
