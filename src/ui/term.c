/*
 * term.c — owning the terminal (see term.h): curses set up for a
 * full-screen program, the one restore function every way out goes
 * through, deferred and fatal signals, Ctrl-Z, $EDITOR, keys and the
 * PRAXIS_TRACE timing seam.
 *
 * The keyboard's own signals are keys here: curses runs in raw mode, so
 * Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys and go through the same path as
 * every other key (quitting keeps unsaved text as a draft; Ctrl-Z
 * suspends cleanly).  Signals from elsewhere are handled below.
 */
#include "term.h"

#include "keys.h"

#include "praxis/buf.h"
#include "praxis/editor.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* Short, so Esc feels instant; escape sequences from a local terminal or
 * tmux arrive together well inside it. */
#define TERM_ESCDELAY_MS 25

static struct termios saved_tty;
static bool have_tty;
static volatile sig_atomic_t curses_on;       /* the terminal is in curses' mode */
static volatile sig_atomic_t pending_signal;  /* a deferred signal waiting for the loop */
static volatile sig_atomic_t in_child;        /* $EDITOR has the terminal */
static char leave_seq[256];                   /* what endwin would send, precomputed */
static size_t leave_len;
static SCREEN *screen;
static bool colors;
static int key_ctrl_left, key_ctrl_right, key_ctrl_home, key_ctrl_end;

static const int deferred_signals[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define N_CRASH (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction crash_previous[N_CRASH];

/* The one restore: async-signal-safe, so crash handlers can call it. */
static void restore_now(void)
{
	if (!curses_on)
		return;
	curses_on = 0;
	if (leave_len) {
		ssize_t n = write(STDOUT_FILENO, leave_seq, leave_len);
		(void)n;
	}
	if (have_tty)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_tty);
}

static void on_deferred(int sig)
{
	if (in_child && (sig == SIGINT || sig == SIGQUIT))
		return;  /* the editor's own ^C reached us too: it is the editor's */
	if (pending_signal) {
		/* Asked twice: the loop is not getting there, so go now. */
		restore_now();
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	pending_signal = sig;
}

static void on_crash(int sig)
{
	restore_now();
	/* Put back what was there (the default, or a sanitizer's handler) and
	 * let the signal take its course once this handler returns. */
	for (size_t i = 0; i < N_CRASH; i++)
		if (crash_signals[i] == sig)
			sigaction(sig, &crash_previous[i], NULL);
	raise(sig);
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_deferred;   /* no SA_RESTART: a blocked read returns */
	for (size_t i = 0; i < sizeof deferred_signals / sizeof deferred_signals[0]; i++)
		sigaction(deferred_signals[i], &sa, NULL);
	sa.sa_handler = on_crash;
	for (size_t i = 0; i < N_CRASH; i++)
		sigaction(crash_signals[i], &sa, &crash_previous[i]);
}

static void add_leave(const char *capname)
{
	const char *s = tigetstr(capname);
	/* tigetstr answers (char *)-1 for a name that is not a string cap. */
	if (!s || (intptr_t)s == -1)
		return;
	/* Skip terminfo padding ("$<5>"): nothing here needs it. */
	for (; *s && leave_len < sizeof leave_seq; s++) {
		if (s[0] == '$' && s[1] == '<') {
			const char *end = strchr(s, '>');
			if (end) {
				s = end;
				continue;
			}
		}
		leave_seq[leave_len++] = *s;
	}
}

static void at_exit_restore(void)
{
	restore_now();
}

static void find_named_keys(void)
{
	key_ctrl_left = key_defined("kLFT5");
	key_ctrl_right = key_defined("kRIT5");
	key_ctrl_home = key_defined("kHOM5");
	key_ctrl_end = key_defined("kEND5");
}

static void start_colors(void)
{
	const char *no_color = getenv("NO_COLOR");
	colors = has_colors() && !(no_color && *no_color);
	if (colors && (start_color() != OK || use_default_colors() != OK))
		colors = false;
}

int term_start(struct px_error *err)
{
	static bool registered;
	const char *name = getenv("TERM");
	if (!name || !*name)
		return px_error_set(err, PX_ERR_INVALID,
				    "$TERM is not set, so the terminal's keys and screen are unknown");
	/* Ask terminfo first: newterm on a type it does not know leaks, and
	 * this way the error can say which of the two failures it was. */
	int found = 0;
	if (setupterm(NULL, STDOUT_FILENO, &found) != OK)
		return px_error_set(err, PX_ERR_INVALID, found < 0
				    ? "the terminfo database could not be found (for $TERM '%s')"
				    : "terminal type '%s' is not known to terminfo", name);
	del_curterm(cur_term);
	have_tty = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
	install_signals();
	screen = newterm(NULL, stdout, stdin);
	if (!screen)
		return px_error_set(err, PX_ERR_INVALID,
				    "terminal type '%s' is not known to terminfo", name);
	set_term(screen);
	leave_len = 0;
	add_leave("sgr0");
	add_leave("cnorm");
	add_leave("rmkx");
	add_leave("rmcup");
	curses_on = 1;
	if (!registered && atexit(at_exit_restore) == 0)
		registered = true;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(TERM_ESCDELAY_MS);
	curs_set(0);
	find_named_keys();
	start_colors();
	return 0;
}

void term_stop(void)
{
	if (!screen)
		return;
	if (curses_on) {
		endwin();
		curses_on = 0;
		if (have_tty)
			tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_tty);
	}
	delscreen(screen);
	screen = NULL;
}

bool term_colors(void)
{
	return colors;
}

static int32_t function_key(wint_t code)
{
	int c = (int)code;
	if (c == KEY_RESIZE)
		return UIK_RESIZE;
	if (c == key_ctrl_left && c > 0)
		return UIK_CTRL_LEFT;
	if (c == key_ctrl_right && c > 0)
		return UIK_CTRL_RIGHT;
	if (c == key_ctrl_home && c > 0)
		return UIK_CTRL_HOME;
	if (c == key_ctrl_end && c > 0)
		return UIK_CTRL_END;
	return UIK_FN | c;
}

/* After Esc: a key already waiting means Alt+key (terminals send Alt-b as
 * Esc b); nothing waiting means Esc alone. */
static int32_t after_escape(void)
{
	wint_t next;
	wtimeout(stdscr, 0);
	int r = wget_wch(stdscr, &next);
	if (r == OK && next != UIK_ESC)
		return UIK_META | (int32_t)next;
	if (r == KEY_CODE_YES)
		ungetch((int)next);
	else if (r == OK)
		unget_wch(next);
	return UIK_ESC;
}

int term_read_key(int timeout_ms, int32_t *key)
{
	wint_t wc;
	wtimeout(stdscr, timeout_ms);
	int r = wget_wch(stdscr, &wc);
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES)
		*key = function_key(wc);
	else if (wc == UIK_ESC)
		*key = after_escape();
	else
		*key = (int32_t)wc;
	return 1;
}

int term_pending_signal(void)
{
	return pending_signal;
}

void term_die_of(int sig)
{
	term_stop();
	restore_now();
	signal(sig, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

/* SIGTSTP as the shell expects it while curses is off (curses' own handler
 * would take the screen back); the caller puts OLD back. */
static void tstp_default(struct sigaction *old)
{
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	sigemptyset(&dfl.sa_mask);
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &dfl, old);
}

void term_suspend(void)
{
	endwin();
	struct sigaction old;
	tstp_default(&old);
	/* Stops here until the shell's fg (a process group with no shell to
	 * resume it ignores the signal, so this never hangs). */
	raise(SIGTSTP);
	sigaction(SIGTSTP, &old, NULL);
	clearok(curscr, TRUE);
	refresh();
}

int term_edit_external(const char *text, char **out, struct px_error *err)
{
	endwin();
	/* Ctrl-Z in the editor stops the editor and praxis together. */
	struct sigaction old;
	tstp_default(&old);
	in_child = 1;
	int rc = editor_run(text, ".md", out, err);
	in_child = 0;
	sigaction(SIGTSTP, &old, NULL);
	clearok(curscr, TRUE);
	refresh();
	return rc;
}

void trace_event(const char *event, const char *detail)
{
	static int fd = -2;
	if (fd == -2) {
		const char *path = getenv("PRAXIS_TRACE");
		fd = path && *path ? open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC,
					  0600)
				   : -1;
	}
	if (fd < 0)
		return;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	char line[256];
	int n = snprintf(line, sizeof line, "%lld.%09ld %s %s\n", (long long)ts.tv_sec,
			 ts.tv_nsec, event, detail ? detail : "");
	if (n > 0) {
		ssize_t w = write(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
		(void)w;
	}
}
