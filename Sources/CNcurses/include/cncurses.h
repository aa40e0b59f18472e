#ifndef CNCURSES_H
#define CNCURSES_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros in curses.h that Swift cannot see, as functions. */
int cncurses_lines(void);
int cncurses_cols(void);
int cncurses_colors(void);
int cncurses_color_pairs(void);
int cncurses_color_pair(int pair);
int cncurses_key_resize(void);
int cncurses_key_f0(void);
int cncurses_key_mouse(void);
int cncurses_key_code_yes(void);
int cncurses_err(void);

/* Attributes (NCURSES_BITS macros). */
unsigned int cncurses_attr_bold(void);
unsigned int cncurses_attr_underline(void);
unsigned int cncurses_attr_reverse(void);
unsigned int cncurses_attr_dim(void);

/* Mouse: masks and a flattened getmouse. */
unsigned long cncurses_mouse_mask(void);
unsigned long cncurses_button1_pressed(void);
unsigned long cncurses_button1_released(void);
unsigned long cncurses_button1_clicked(void);
unsigned long cncurses_button1_double_clicked(void);
unsigned long cncurses_button4_pressed(void);
unsigned long cncurses_button5_pressed(void);
/* Reads the pending mouse event; returns 0 (OK) and fills x, y, bstate, or -1. */
int cncurses_getmouse(int *x, int *y, unsigned long *bstate);

/* Wide-character I/O. */
/* Reads one key: returns OK (a character in *wch), KEY_CODE_YES (a key code in *wch), or ERR. */
int cncurses_get_wch(int *wch);
/* Writes one grapheme (up to 5 scalars, first spacing) at y, x with attributes and colour pair. */
int cncurses_put_cell(int y, int x, const unsigned int *scalars, int count, unsigned int attrs, int pair);
/* Colours: extended pairs where the library has them. */
int cncurses_init_pair(int pair, int fg, int bg);

/* Screen lifetime. Start: setlocale, newterm on stdin/stdout, cbreak, noecho, keypad,
 * non-blocking reads, a short ESC delay, hidden cursor, mouse (when asked). Returns 0, or -1
 * when the terminal cannot be used. */
int cncurses_start(int want_mouse);
/* Restores the terminal (endwin) and frees the screen; safe to call twice. */
void cncurses_stop(void);
void cncurses_suspend(void);
void cncurses_resume(void);
/* Starts colour with the terminal's default colours as -1; returns the number of colours, or 0. */
int cncurses_enable_color(void);
/* Shows the cursor at y, x, or hides it. */
void cncurses_cursor(int visible, int y, int x);
/* Sends what changed to the terminal. */
void cncurses_refresh(void);
/* Makes the next refresh repaint the whole terminal. */
void cncurses_clear_all(void);
/* Resizes ncurses' idea of the screen to rows x cols. */
int cncurses_resize(int rows, int cols);

/* Emits a raw escape sequence to the terminal (after refresh), bypassing the screen model. */
void cncurses_write_raw(const char *bytes, int length);

/* Signals. The handlers write one byte to wake_fd: 'W' for SIGWINCH, 'T' for SIGINT/SIGTERM/SIGHUP
 * (a second terminating signal restores the terminal directly and exits). Crash signals restore
 * the terminal and re-raise. Saves the terminal's modes first so a restore is always possible. */
void cncurses_install_signal_handlers(int wake_fd);
/* Puts back the handlers SIGINT, SIGTERM, SIGHUP and SIGWINCH had before install and stops
 * writing to the wake descriptor (crash handlers stay: they do nothing once restored). */
void cncurses_restore_signal_handlers(void);
/* Unblocks SIGINT, SIGTERM, SIGHUP and SIGWINCH in the calling thread. */
void cncurses_unblock_signals(void);
/* Blocks the same signals in the calling thread (used by helper threads). */
void cncurses_block_signals(void);
/* The last terminating signal received, or 0. */
int cncurses_pending_signal(void);
/* Restores the terminal modes saved at install and resets cursor/mouse/alternate screen:
 * async-signal-safe; also registered with atexit. */
void cncurses_emergency_restore(void);
/* Marks the screen as active (1) or restored (0), so the emergency path knows whether to act. */
void cncurses_set_active(int active);
/* What TERM describes: 1 a terminal that can address the cursor, 0 one that cannot (dumb,
 * hardcopy), -1 a type with no terminfo entry. */
int cncurses_terminal_kind(void);
/* Runs path with argv and envp in the console's process group (the terminal's foreground job)
 * and waits for it; SIGHUP and SIGTERM received meanwhile are passed on to it. Returns the wait
 * status, or -1 when it could not be started. */
int cncurses_run_foreground(const char *path, char *const argv[], char *const envp[]);
/* Whether a wait status is a normal exit with status 0. */
int cncurses_exited_cleanly(int status);
/* The terminal size from the tty, or -1. */
int cncurses_tty_size(int *rows, int *cols);
#endif
