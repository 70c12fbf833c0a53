/*
 * editor.c — handing text to the user's editor safely (see editor.h).
 *
 * The text goes to a file made with mkstemps inside a private directory
 * (mkdtemp, mode 0700) so no other user can read or swap it.  $VISUAL or
 * $EDITOR is split on blanks into an argument vector and run with execvp:
 * never through a shell, so a crafted variable cannot run more than the
 * program it names.  Both are removed afterwards, whatever happened.
 */
#include "praxis/editor.h"

#include "praxis/buf.h"

#include <stdio.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define EDITOR_MAX_ARGS 32
#define EDITOR_MAX_BYTES (64u * 1024 * 1024)

int editor_write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

int editor_read_file(const char *path, size_t max, char **out, size_t *len, struct px_error *err)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return px_error_at(err, errno == ENOENT ? PX_ERR_NOT_FOUND : PX_ERR_IO, path, 0, 0,
				   "%s", strerror(errno));
	struct px_buf b = PX_BUF_INIT;
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || b.len + (size_t)n > max) {
			int e = errno;
			close(fd);
			px_buf_free(&b);
			if (n < 0)
				return px_error_at(err, PX_ERR_IO, path, 0, 0, "%s", strerror(e));
			return px_error_at(err, PX_ERR_LIMIT, path, 0, 0, "the file is larger than %zu MiB",
					   max / (1024 * 1024));
		}
		px_buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	if (len)
		*len = b.len;
	*out = px_buf_detach(&b);
	return 0;
}

/* Split the editor command on blanks; quotes are not interpreted (no shell). */
static int split_command(char *cmd, char **argv, int max)
{
	int n = 0;
	for (char *p = cmd; *p && n < max - 2;) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		argv[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	return n;
}

static int spawn_editor(const char *editor, const char *file, struct px_error *err)
{
	char *cmd = px_xstrdup(editor);
	char *argv[EDITOR_MAX_ARGS];
	int argc = split_command(cmd, argv, EDITOR_MAX_ARGS);
	if (argc == 0) {
		free(cmd);
		return px_error_set(err, PX_ERR_INVALID, "$EDITOR is empty");
	}
	argv[argc++] = (char *)file;
	argv[argc] = NULL;
	/* The child reports a failed execvp's errno through a pipe that a
	 * successful exec closes: "No such file" is worth saying, and an
	 * editor that itself exits 127 is not mistaken for a missing one. */
	int report[2];
	if (pipe(report) < 0 || fcntl(report[0], F_SETFD, FD_CLOEXEC) < 0 ||
	    fcntl(report[1], F_SETFD, FD_CLOEXEC) < 0) {
		free(cmd);
		return px_error_set(err, PX_ERR_IO, "cannot start the editor: %s", strerror(errno));
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		int e = errno;
		close(report[0]);
		close(report[1]);
		free(cmd);
		return px_error_set(err, PX_ERR_IO, "cannot start the editor: %s", strerror(e));
	}
	if (pid == 0) {
		close(report[0]);
		execvp(argv[0], argv);
		int e = errno;
		ssize_t w = write(report[1], &e, sizeof e);
		(void)w;
		_exit(127);
	}
	close(report[1]);
	int exec_errno = 0;
	ssize_t got;
	while ((got = read(report[0], &exec_errno, sizeof exec_errno)) < 0 && errno == EINTR)
		;
	close(report[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int rc = 0;
	if (got == (ssize_t)sizeof exec_errno)
		rc = px_error_set(err, PX_ERR_IO, "editor '%s' could not be run: %s; set $VISUAL or "
				  "$EDITOR to an editor you have", argv[0], strerror(exec_errno));
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		rc = px_error_set(err, PX_ERR_IO, "editor '%s' failed (%s %d)", argv[0],
				  WIFEXITED(status) ? "exit status" : "signal",
				  WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	free(cmd);
	return rc;
}

/* TEXT (LEN bytes, taken) with each NUL byte made U+FFFD, so that what
 * follows one is kept, as a draft, rather than cut off; ERR says so. */
static char *without_nul(char *text, size_t len, struct px_error *err)
{
	const char *nul = memchr(text, '\0', len);
	if (!nul)
		return text;
	px_error_set(err, PX_ERR_INVALID, "the edited text holds a NUL byte (at byte %zu)",
		     (size_t)(nul - text) + 1);
	struct px_buf b = PX_BUF_INIT;
	for (size_t i = 0; i < len; i++) {
		if (text[i])
			px_buf_addc(&b, text[i]);
		else
			px_buf_adds(&b, "\xEF\xBF\xBD");
	}
	free(text);
	return px_buf_detach(&b);
}

int editor_run(const char *text, const char *suffix, char **out, struct px_error *err)
{
	*out = px_xstrdup(text);
	const char *editor = getenv("VISUAL");
	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		return px_error_set(err, PX_ERR_INVALID,
				    "no editor: set $EDITOR (or give the text as arguments or on "
				    "standard input)");
	const char *tmp = getenv("TMPDIR");
	struct px_buf dir = PX_BUF_INIT, file = PX_BUF_INIT;
	px_buf_addf(&dir, "%s/praxis-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
	if (!mkdtemp(dir.data)) {
		px_error_set(err, PX_ERR_IO, "cannot make a private temporary folder: %s",
			     strerror(errno));
		px_buf_free(&dir);
		return -1;
	}
	px_buf_addf(&file, "%s/entry-XXXXXX%s", dir.data, suffix);
	int rc = -1;
	int fd = mkstemps(file.data, (int)strlen(suffix));
	if (fd < 0) {
		px_error_set(err, PX_ERR_IO, "cannot make a temporary file: %s", strerror(errno));
	} else {
		int wrote = editor_write_all(fd, text, strlen(text)) == 0 && fsync(fd) == 0;
		close(fd);
		if (!wrote)
			px_error_set(err, PX_ERR_IO, "cannot write a temporary file: %s",
				     strerror(errno));
		else {
			rc = spawn_editor(editor, file.data, err);
			char *edited = NULL;
			size_t len = 0;
			if (editor_read_file(file.data, EDITOR_MAX_BYTES, &edited, &len,
					     rc == 0 ? err : NULL) == 0) {
				int had_nul = memchr(edited, '\0', len) != NULL;
				free(*out);
				*out = without_nul(edited, len, rc == 0 ? err : NULL);
				if (had_nul)
					rc = -1;
			} else {
				rc = -1;
			}
		}
		unlink(file.data);
	}
	rmdir(dir.data);
	px_buf_free(&dir);
	px_buf_free(&file);
	return rc;
}
