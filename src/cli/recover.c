/*
 * recover.c — the last resort for words that could not be saved: when the
 * journal refuses even a draft (a full disk, read-only media, a journal
 * that will not open), the text goes to a private recovery file elsewhere,
 * and if no file can be written anywhere, to standard error, so that what
 * the learner typed is never simply dropped.
 *
 * Recovery files live in $XDG_STATE_HOME/praxis/recovered/ (else
 * ~/.local/state/praxis/recovered/), or failing that in a private folder
 * made in $TMPDIR or /tmp: another disk, often, when the journal's is
 * full.  Folders are made 0700 and files 0600, whatever the umask.
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkdir -p DIR, each folder made 0700. */
static int make_private_dirs(char *dir)
{
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		int rc = mkdir(dir, 0700);
		if (rc == 0)
			chmod(dir, 0700);   /* whatever the umask took away */
		*p = saved;
		if (rc < 0 && errno != EEXIST)
			return -1;
		if (saved == '\0')
			return 0;
	}
}

/* TEXT into a new file in DIR named after WHAT; the path in *PATH. */
static int write_in(const char *dir, const char *what, const char *text, char **path)
{
	struct px_buf name = PX_BUF_INIT;
	px_buf_addf(&name, "%s/%s-XXXXXX.md", dir, what);
	int fd = mkstemps(name.data, 3);
	if (fd < 0) {
		px_buf_free(&name);
		return -1;
	}
	int ok = fchmod(fd, 0600) == 0 && editor_write_all(fd, text, strlen(text)) == 0 && fsync(fd) == 0;
	if (close(fd) != 0)
		ok = 0;
	if (!ok) {
		unlink(name.data);
		px_buf_free(&name);
		return -1;
	}
	*path = px_buf_detach(&name);
	return 0;
}

static int try_state_dir(const char *what, const char *text, char **path)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	struct px_buf dir = PX_BUF_INIT;
	if (state && state[0] == '/')
		px_buf_addf(&dir, "%s/praxis/recovered", state);
	else if (home && home[0] == '/')
		px_buf_addf(&dir, "%s/.local/state/praxis/recovered", home);
	else
		return -1;
	int rc = make_private_dirs(dir.data) == 0 ? write_in(dir.data, what, text, path) : -1;
	px_buf_free(&dir);
	return rc;
}

static int try_temp_dir(const char *what, const char *text, char **path)
{
	const char *tmp = getenv("TMPDIR");
	struct px_buf dir = PX_BUF_INIT;
	px_buf_addf(&dir, "%s/praxis-recovered-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
	int rc = -1;
	if (mkdtemp(dir.data)) {
		rc = write_in(dir.data, what, text, path);
		if (rc < 0)
			rmdir(dir.data);
	}
	px_buf_free(&dir);
	return rc;
}

int cli_recover(const char *what, const char *text)
{
	char *path = NULL;
	if (try_state_dir(what, text, &path) == 0 || try_temp_dir(what, text, &path) == 0) {
		char *safe = text_escape_controls(path);
		fprintf(stderr, "praxis: your text is safe in %s (mode 0600)\n", safe);
		free(safe);
		free(path);
		return 0;
	}
	/* Nowhere to write: the terminal is the one place left. */
	fputs("praxis: no file could be written anywhere, so here is your text; copy it "
	      "before closing this window:\n", stderr);
	cli_print_safe(stderr, text);
	fputs("\npraxis: (end of your text)\n", stderr);
	return -1;
}
