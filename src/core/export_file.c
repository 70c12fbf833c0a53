/*
 * export_file.c — where an export goes: a descriptor, or a file written
 * beside its target and renamed over it only when complete; and DOCX and
 * PDF, which pandoc makes from the Markdown.
 *
 * A file export is written to a temporary file made with mkstemp (mode
 * 0600: journals are private) in the target's own folder, so the final
 * rename is atomic, flushed with fsync before the rename and the folder
 * flushed after it.  Anything that fails removes the temporary file and
 * leaves the target as it was.
 *
 * pandoc is found on $PATH (or given) and run with execv: never through
 * a shell, so no file name or option can become a command.  What it says
 * on standard error is kept for the error message.
 */
#include "export_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int export_write_text(struct journal *j, const struct export_options *o, int fd,
		      struct export_report *report, struct px_error *err);

/* mkstemp's template ends in six capital X characters. */
static void add_template_chars(struct px_buf *b)
{
	for (int i = 0; i < 6; i++)
		px_buf_addc(b, 'X');
}

/* ---- pandoc ------------------------------------------------------------------ */

/* The pandoc to run, as a path the caller frees, or NULL when none is found. */
static char *find_pandoc(const char *given)
{
	const char *name = given && *given ? given : "pandoc";
	if (strchr(name, '/'))
		return access(name, X_OK) == 0 ? px_xstrdup(name) : NULL;
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/bin:/bin";
	for (const char *p = path; *p;) {
		size_t n = strcspn(p, ":");
		struct px_buf cand = PX_BUF_INIT;
		px_buf_add(&cand, n ? p : ".", n ? n : 1);
		px_buf_addf(&cand, "/%s", name);
		struct stat st;
		if (stat(cand.data, &st) == 0 && S_ISREG(st.st_mode) && access(cand.data, X_OK) == 0)
			return px_buf_detach(&cand);
		px_buf_free(&cand);
		p += n + (p[n] == ':');
	}
	return NULL;
}

static int no_pandoc(enum export_format f, struct px_error *err)
{
	if (f == EXPORT_PDF)
		return px_error_set(err, PX_ERR_NOT_FOUND,
				    "PDF export needs pandoc, which is not installed (the Debian "
				    "packages are 'pandoc' and 'texlive-latex-recommended')");
	return px_error_set(err, PX_ERR_NOT_FOUND,
			    "DOCX export needs pandoc, which is not installed (the Debian package "
			    "is 'pandoc')");
}

int export_format_ready(enum export_format f, const char *pandoc, struct px_error *err)
{
	if (!export_format_binary(f))
		return 0;
	char *found = find_pandoc(pandoc);
	if (!found)
		return no_pandoc(f, err);
	free(found);
	return 0;
}

/* Read what the child says on FD, keeping its first line. */
static void read_first_line(int fd, char *out, size_t size)
{
	size_t used = 0;
	char chunk[512];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		for (ssize_t i = 0; i < n && used + 1 < size; i++)
			out[used++] = chunk[i];
	}
	out[used] = '\0';
	out[strcspn(out, "\n")] = '\0';
}

static void run_child(const char *pandoc, char *const argv[], int errfd)
{
	int null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
	}
	dup2(errfd, STDERR_FILENO);
	execv(pandoc, argv);
	_exit(127);
}

/* Convert the Markdown file MD into OUT with pandoc. */
static int pandoc_convert(const char *pandoc, enum export_format f, const char *md,
			  const char *out, struct px_error *err)
{
	struct px_buf output = PX_BUF_INIT;
	px_buf_addf(&output, "--output=%s", out);
	char *argv[] = { (char *)pandoc, (char *)"--from=markdown",
			 (char *)(f == EXPORT_PDF ? "--standalone" : "--to=docx"), output.data,
			 (char *)md, NULL };
	int pipefd[2];
	if (pipe(pipefd) < 0) {
		px_buf_free(&output);
		return px_error_set(err, PX_ERR_IO, "running pandoc: %s", strerror(errno));
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(pipefd[0]);
		run_child(pandoc, argv, pipefd[1]);
	}
	close(pipefd[1]);
	px_buf_free(&output);
	if (pid < 0) {
		close(pipefd[0]);
		return px_error_set(err, PX_ERR_IO, "running pandoc: %s", strerror(errno));
	}
	char said[300];
	read_first_line(pipefd[0], said, sizeof said);
	close(pipefd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		return px_error_set(err, PX_ERR_IO, "pandoc failed (exit status %d)%s%s",
				    WEXITSTATUS(status), said[0] ? ": " : "", said);
	return px_error_set(err, PX_ERR_IO, "pandoc was stopped by signal %d",
			    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/* The Markdown of O written to a new temporary file in DIR: *PATH (caller frees). */
static int markdown_file(struct journal *j, const struct export_options *o, const char *dir,
			 char **path, struct export_report *report, struct px_error *err)
{
	struct px_buf p = PX_BUF_INIT;
	px_buf_addf(&p, "%s/.praxis-export-", dir);
	add_template_chars(&p);
	px_buf_adds(&p, ".md");
	int fd = mkstemps(p.data, 3);
	if (fd < 0) {
		px_error_at(err, PX_ERR_IO, dir, 0, 0, "cannot write here: %s", strerror(errno));
		px_buf_free(&p);
		return -1;
	}
	struct export_options md = *o;
	md.format = EXPORT_MARKDOWN;
	int rc = export_write_text(j, &md, fd, report, err);
	if (close(fd) < 0 && rc == 0)
		rc = px_error_set(err, PX_ERR_IO, "writing the export: %s", strerror(errno));
	if (rc < 0) {
		unlink(p.data);
		px_buf_free(&p);
		return -1;
	}
	*path = px_buf_detach(&p);
	return 0;
}

/* ---- files ---------------------------------------------------------------------- */

static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Flush the finished temporary file TMP and rename it over PATH. */
static int finish_file(int fd, const char *tmp, const char *path, const char *dir,
		       struct px_error *err)
{
	if (fchmod(fd, 0600) < 0 || fsync(fd) < 0) {
		int e = errno;
		close(fd);
		return px_error_at(err, PX_ERR_IO, path, 0, 0, "cannot write the export: %s",
				   strerror(e));
	}
	if (close(fd) < 0 || rename(tmp, path) < 0)
		return px_error_at(err, PX_ERR_IO, path, 0, 0, "cannot write the export: %s",
				   strerror(errno));
	sync_dir(dir);
	return 0;
}

/* The folder PATH is in, the caller's to free. */
static char *folder_of(const char *path)
{
	char *copy = px_xstrdup(path);
	char *dir = px_xstrdup(dirname(copy));
	free(copy);
	return dir;
}

/* The same file as NAME (followed through links), or one of its -wal and
 * -shm companions: renaming an export over the journal would lose it. */
static bool same_file(const struct stat *st, const char *name, const char *suffix)
{
	struct px_buf p = PX_BUF_INIT;
	px_buf_addf(&p, "%s%s", name, suffix);
	struct stat other;
	bool same = stat(p.data, &other) == 0 && other.st_dev == st->st_dev &&
		    other.st_ino == st->st_ino;
	px_buf_free(&p);
	return same;
}

static int check_target(struct journal *j, const char *path, struct px_error *err)
{
	struct stat st;
	if (!path || !*path)
		return px_error_set(err, PX_ERR_INVALID, "the export needs a file name");
	if (stat(path, &st) != 0)
		return 0;
	if (S_ISDIR(st.st_mode))
		return px_error_at(err, PX_ERR_INVALID, path, 0, 0,
				   "is a folder; give the export a file name");
	const char *journal = journal_path(j);
	if (same_file(&st, journal, "") || same_file(&st, journal, "-wal") ||
	    same_file(&st, journal, "-shm"))
		return px_error_at(err, PX_ERR_INVALID, path, 0, 0,
				   "is the journal itself; give the export another name");
	return 0;
}

static int binary_to_path(struct journal *j, const struct export_options *o, const char *path,
			  const char *dir, struct export_report *report, struct px_error *err)
{
	char *pandoc = find_pandoc(o->pandoc), *md = NULL;
	if (!pandoc)
		return no_pandoc(o->format, err);
	struct px_buf tmp = PX_BUF_INIT;
	char *base_copy = px_xstrdup(path);
	px_buf_addf(&tmp, "%s/.%s.tmp-", dir, basename(base_copy));
	free(base_copy);
	add_template_chars(&tmp);
	px_buf_adds(&tmp, o->format == EXPORT_PDF ? ".pdf" : ".docx");
	int fd = -1, rc = markdown_file(j, o, dir, &md, report, err);
	if (rc == 0 && (fd = mkstemps(tmp.data, o->format == EXPORT_PDF ? 4 : 5)) < 0)
		rc = px_error_at(err, PX_ERR_IO, path, 0, 0, "cannot write the export: %s",
				 strerror(errno));
	if (rc == 0)
		rc = pandoc_convert(pandoc, o->format, md, tmp.data, err);
	if (rc == 0)
		rc = finish_file(fd, tmp.data, path, dir, err);    /* closes FD */
	else if (fd >= 0)
		close(fd);
	if (rc < 0 && fd >= 0)
		unlink(tmp.data);
	if (md)
		unlink(md);
	free(md);
	free(pandoc);
	px_buf_free(&tmp);
	return rc;
}

/* A target that exists and is not a file (/dev/null, /dev/stdout, a named
 * pipe) is written to as it is: renaming a finished file over it, as for
 * a file, would replace the device with a file. */
static int export_to_device(struct journal *j, const struct export_options *o, const char *path,
			    struct export_report *report, struct px_error *err)
{
	int fd;
	while ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) < 0 && errno == EINTR)
		;
	if (fd < 0)
		return px_error_at(err, PX_ERR_IO, path, 0, 0, "cannot write the export: %s",
				   strerror(errno));
	int rc = export_to_fd(j, o, fd, report, err);
	if (close(fd) < 0 && rc == 0)
		rc = px_error_at(err, PX_ERR_IO, path, 0, 0, "cannot write the export: %s",
				 strerror(errno));
	return rc;
}

/* A file export written beside TARGET and renamed over it. */
static int text_to_path(struct journal *j, const struct export_options *o, const char *target,
			const char *dir, struct export_report *report, struct px_error *err)
{
	struct px_buf tmp = PX_BUF_INIT;
	char *base_copy = px_xstrdup(target);
	px_buf_addf(&tmp, "%s/.%s.tmp-", dir, basename(base_copy));
	free(base_copy);
	add_template_chars(&tmp);
	int rc, fd = mkstemp(tmp.data);
	if (fd < 0) {
		rc = px_error_at(err, PX_ERR_IO, target, 0, 0, "cannot write the export: %s",
				 strerror(errno));
	} else if ((rc = export_write_text(j, o, fd, report, err)) < 0) {
		close(fd);
		unlink(tmp.data);
	} else if ((rc = finish_file(fd, tmp.data, target, dir, err)) < 0) {
		unlink(tmp.data);
	}
	px_buf_free(&tmp);
	return rc;
}

int export_to_path(struct journal *j, const struct export_options *o, const char *path,
		   struct export_report *report, struct px_error *err)
{
	if (report)
		memset(report, 0, sizeof *report);
	if (check_target(j, path, err) < 0)
		return -1;
	/* A target that exists is written where it really is: through a
	 * symbolic link (a rename over the link would put a file in its
	 * place), and straight into what is not a file. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return export_to_device(j, o, path, report, err);
	char *real = realpath(path, NULL);
	const char *target = real ? real : path;
	char *dir = folder_of(target);
	int rc = export_format_binary(o->format) ? binary_to_path(j, o, target, dir, report, err)
						 : text_to_path(j, o, target, dir, report, err);
	free(dir);
	free(real);
	return rc;
}

/* Copy the file at PATH to FD. */
static int copy_to_fd(const char *path, int fd, struct px_error *err)
{
	int in = open(path, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return px_error_set(err, PX_ERR_IO, "reading pandoc's output: %s", strerror(errno));
	struct xout out = { .fd = fd, .buf = PX_BUF_INIT };
	char chunk[65536];
	ssize_t n;
	while ((n = read(in, chunk, sizeof chunk)) != 0 && !out.error) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		px_buf_add(&out.buf, chunk, (size_t)n);
		xout_step(&out);
	}
	int read_error = n < 0 ? errno : 0;
	close(in);
	xout_flush(&out);
	px_buf_free(&out.buf);
	if (read_error || out.error)
		return px_error_set(err, PX_ERR_IO, "writing the export: %s",
				    strerror(read_error ? read_error : out.error));
	return 0;
}

static int binary_to_fd(struct journal *j, const struct export_options *o, int fd,
			struct export_report *report, struct px_error *err)
{
	char *pandoc = find_pandoc(o->pandoc);
	if (!pandoc)
		return no_pandoc(o->format, err);
	const char *tmpdir = getenv("TMPDIR");
	struct px_buf dir = PX_BUF_INIT, out = PX_BUF_INIT;
	px_buf_addf(&dir, "%s/praxis-export-", tmpdir && tmpdir[0] == '/' ? tmpdir : "/tmp");
	add_template_chars(&dir);
	char *md = NULL;
	int rc = 0;
	if (!mkdtemp(dir.data))
		rc = px_error_set(err, PX_ERR_IO, "cannot make a temporary folder: %s",
				  strerror(errno));
	else
		px_buf_addf(&out, "%s/export.%s", dir.data, export_format_name(o->format));
	if (rc == 0)
		rc = markdown_file(j, o, dir.data, &md, report, err);
	if (rc == 0)
		rc = pandoc_convert(pandoc, o->format, md, out.data, err);
	if (rc == 0)
		rc = copy_to_fd(out.data, fd, err);
	if (md)
		unlink(md);
	if (out.len)
		unlink(out.data);
	rmdir(dir.data);
	free(md);
	free(pandoc);
	px_buf_free(&dir);
	px_buf_free(&out);
	return rc;
}

int export_to_fd(struct journal *j, const struct export_options *o, int fd,
		 struct export_report *report, struct px_error *err)
{
	if (report)
		memset(report, 0, sizeof *report);
	if (export_format_binary(o->format))
		return binary_to_fd(j, o, fd, report, err);
	return export_write_text(j, o, fd, report, err);
}
