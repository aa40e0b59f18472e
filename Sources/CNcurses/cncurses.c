#include "cncurses.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>

int cncurses_lines(void) { return LINES; }
int cncurses_cols(void) { return COLS; }
int cncurses_colors(void) { return COLORS; }
int cncurses_color_pairs(void) { return COLOR_PAIRS; }
int cncurses_color_pair(int pair) { return COLOR_PAIR(pair); }
int cncurses_key_resize(void) { return KEY_RESIZE; }
int cncurses_key_f0(void) { return KEY_F0; }
int cncurses_key_mouse(void) { return KEY_MOUSE; }
int cncurses_key_code_yes(void) { return KEY_CODE_YES; }
int cncurses_err(void) { return ERR; }

unsigned int cncurses_attr_bold(void) { return (unsigned int)A_BOLD; }
unsigned int cncurses_attr_underline(void) { return (unsigned int)A_UNDERLINE; }
unsigned int cncurses_attr_reverse(void) { return (unsigned int)A_REVERSE; }
unsigned int cncurses_attr_dim(void) { return (unsigned int)A_DIM; }

unsigned long cncurses_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED
         | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
unsigned long cncurses_button1_pressed(void) { return BUTTON1_PRESSED; }
unsigned long cncurses_button1_released(void) { return BUTTON1_RELEASED; }
unsigned long cncurses_button1_clicked(void) { return BUTTON1_CLICKED; }
unsigned long cncurses_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
unsigned long cncurses_button4_pressed(void) { return BUTTON4_PRESSED; }
unsigned long cncurses_button5_pressed(void) { return BUTTON5_PRESSED; }

int cncurses_getmouse(int *x, int *y, unsigned long *bstate) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    *bstate = (unsigned long)event.bstate;
    return 0;
}

int cncurses_get_wch(int *wch) {
    wint_t value = 0;
    int result = get_wch(&value);
    *wch = (int)value;
    return result;
}

int cncurses_put_cell(int y, int x, const unsigned int *scalars, int count, unsigned int attrs, int pair) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = (wchar_t)scalars[i];
    text[n] = L'\0';
    cchar_t cell;
    int ext = pair;
    if (setcchar(&cell, text, (attr_t)attrs, (short)(pair > 32767 ? 0 : pair), &ext) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

int cncurses_init_pair(int pair, int fg, int bg) {
#if NCURSES_EXT_COLORS
    return init_extended_pair(pair, fg, bg);
#else
    return init_pair((short)pair, (short)fg, (short)bg);
#endif
}

static SCREEN *screen = NULL;

int cncurses_start(int want_mouse) {
    setlocale(LC_ALL, "");
    if (screen != NULL) return 0;
    screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) return -1;
    set_term(screen);
    cncurses_set_active(1);
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    if (want_mouse) {
        mouseinterval(0);
        mousemask((mmask_t)cncurses_mouse_mask(), NULL);
    }
    return 0;
}

void cncurses_stop(void) {
    if (screen == NULL) return;
    curs_set(1);
    if (!isendwin()) endwin();
    delscreen(screen);
    screen = NULL;
    cncurses_set_active(0);
}

int cncurses_enable_color(void) {
    if (!has_colors()) return 0;
    if (start_color() != OK) return 0;
    use_default_colors();
    return COLORS;
}

void cncurses_cursor(int visible, int y, int x) {
    if (visible) {
        move(y, x);
        curs_set(1);
    } else {
        curs_set(0);
    }
}

void cncurses_refresh(void) { refresh(); }
void cncurses_clear_all(void) { clearok(curscr, TRUE); }
int cncurses_resize(int rows, int cols) { return resizeterm(rows, cols); }

void cncurses_write_raw(const char *bytes, int length) {
    fflush(stdout);
    ssize_t off = 0;
    while (off < length) {
        ssize_t n = write(STDOUT_FILENO, bytes + off, (size_t)(length - off));
        if (n < 0) { if (errno == EINTR) continue; return; }
        off += n;
    }
}

/* ---- signals and the emergency restore ---- */

static volatile sig_atomic_t wake_descriptor = -1;
static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t screen_active = 0;
static struct termios saved_modes;
static volatile sig_atomic_t have_saved_modes = 0;
static int atexit_registered = 0;

void cncurses_set_active(int active) { screen_active = active; }
int cncurses_pending_signal(void) { return (int)pending_signal; }

void cncurses_emergency_restore(void) {
    if (!screen_active) return;
    screen_active = 0;
    /* Mouse reporting off, cursor visible, attributes reset, leave the alternate screen. */
    static const char reset[] = "\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
    if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
}

static void wake(char byte) {
    int fd = (int)wake_descriptor;
    if (fd >= 0) {
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
}

/* The program the console waits for in the foreground (the editor), or 0. */
static volatile pid_t foreground_child = 0;

static void on_terminate(int sig) {
    int saved = errno;
    /* A hang-up or termination ends the foreground program too, so nothing is left behind;
     * Ctrl-C belongs to the program itself (it is in the terminal's process group). */
    pid_t child = foreground_child;
    if (child > 0 && sig != SIGINT) kill(child, sig);
    if (pending_signal != 0) {
        /* The event loop did not react to the first one: restore directly and leave. */
        cncurses_emergency_restore();
        _exit(128 + sig);
    }
    pending_signal = sig;
    wake('T');
    errno = saved;
}

static void on_winch(int sig) {
    (void)sig;
    int saved = errno;
    wake('W');
    errno = saved;
}

static void on_crash(int sig) {
    cncurses_emergency_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

static struct sigaction previous_actions[4];
static const int terminating_signals[4] = { SIGINT, SIGTERM, SIGHUP, SIGWINCH };
static int have_previous = 0;

static void install(int sig, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(sig, &action, NULL);
}

static void restore_at_exit(void) { cncurses_emergency_restore(); }

void cncurses_install_signal_handlers(int wake_fd) {
    if (tcgetattr(STDIN_FILENO, &saved_modes) == 0) have_saved_modes = 1;
    wake_descriptor = wake_fd;
    pending_signal = 0;
    for (int i = 0; i < 4; i++) sigaction(terminating_signals[i], NULL, &previous_actions[i]);
    have_previous = 1;
    install(SIGWINCH, on_winch);
    install(SIGINT, on_terminate);
    install(SIGTERM, on_terminate);
    install(SIGHUP, on_terminate);
    install(SIGSEGV, on_crash);
    install(SIGBUS, on_crash);
    install(SIGILL, on_crash);
    install(SIGTRAP, on_crash);
    install(SIGABRT, on_crash);
    install(SIGFPE, on_crash);
    if (!atexit_registered) {
        atexit(restore_at_exit);
        atexit_registered = 1;
    }
    cncurses_unblock_signals();
}

void cncurses_restore_signal_handlers(void) {
    wake_descriptor = -1;
    if (!have_previous) return;
    for (int i = 0; i < 4; i++) sigaction(terminating_signals[i], &previous_actions[i], NULL);
    have_previous = 0;
}

static void signal_set(sigset_t *set) {
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGHUP);
    sigaddset(set, SIGWINCH);
}

void cncurses_unblock_signals(void) {
    sigset_t set;
    signal_set(&set);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

void cncurses_block_signals(void) {
    sigset_t set;
    signal_set(&set);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
}

int cncurses_tty_size(int *rows, int *cols) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) {
        if (ioctl(STDIN_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0) return -1;
    }
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 0;
}

/* Gives the terminal to another program (an editor) and takes it back; the screen and its
   modes are kept, so the next frame redraws everything. */
void cncurses_suspend(void) {
    if (screen == NULL) return;
    def_prog_mode();
    curs_set(1);
    endwin();
    cncurses_set_active(0);
}

void cncurses_resume(void) {
    if (screen == NULL) return;
    reset_prog_mode();
    cncurses_set_active(1);
    curs_set(0);
    clearok(curscr, TRUE);
    refresh();
}

int cncurses_run_foreground(const char *path, char *const argv[], char *const envp[]) {
    posix_spawnattr_t attributes;
    if (posix_spawnattr_init(&attributes) != 0) return -1;
    /* The child starts with nothing blocked and the default handlers, in the console's own
     * process group, so it is the terminal's foreground job and can read the keyboard. */
    sigset_t empty;
    sigemptyset(&empty);
    posix_spawnattr_setsigmask(&attributes, &empty);
    sigset_t defaults;
    sigemptyset(&defaults);
    const int reset[] = { SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD };
    for (unsigned i = 0; i < sizeof reset / sizeof reset[0]; i++) sigaddset(&defaults, reset[i]);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, path, NULL, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    if (rc != 0) return -1;
    foreground_child = pid;
    /* A hang-up that arrived while the child was being started is passed on now. */
    int pending = pending_signal;
    if (pending == SIGHUP || pending == SIGTERM) kill(pid, pending);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) { foreground_child = 0; return -1; }
    }
    foreground_child = 0;
    return status;
}

int cncurses_exited_cleanly(int status) { return status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0; }
