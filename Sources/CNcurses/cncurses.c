#include "cncurses.h"

int cncurses_lines(void) { return LINES; }
int cncurses_cols(void) { return COLS; }
int cncurses_color_pair(int pair) { return COLOR_PAIR(pair); }
int cncurses_key_resize(void) { return KEY_RESIZE; }
