/* The terminal type's capabilities, read before the screen starts. Kept apart from cncurses.c:
 * term.h defines macros (lines, columns, ...) that would clash with names there. */
#include <curses.h>
#include <term.h>
#include <unistd.h>
#include "cncurses.h"

int cncurses_terminal_kind(void) {
    int err = 0;
    TERMINAL *previous = cur_term;
    if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
        /* err 0: a hardcopy or generic terminal (TERM=dumb); -1: no terminfo entry. */
        return err == 0 ? 0 : -1;
    }
    const char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (const char *)-1;
    TERMINAL *probe = cur_term;
    set_curterm(previous);
    del_curterm(probe);
    return usable ? 1 : 0;
}
