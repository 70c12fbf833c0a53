/*
 * faultshim.c — an LD_PRELOAD library that makes the operating system
 * misbehave on purpose, so the reliability tests can prove what praxis
 * does when a process dies mid-write, the disk fills up or the journal
 * sits on read-only media.  It is a test tool: nothing in praxis knows it
 * exists, and it changes nothing unless its variables are set.
 *
 * Only files under $PXF_DIR are affected (the journal's folder: its file,
 * -wal, -shm and backups), so the terminal, pipes and the editor's
 * temporary files behave normally.  The "durable operations" counted are
 * every call that can change a file's contents or name there: write,
 * pwrite, fsync, fdatasync, ftruncate, unlink, link and rename.
 *
 *   PXF_DIR=/path          the folder whose files are affected (required)
 *   PXF_KILL_AT=N          SIGKILL the process just before its Nth durable
 *                          operation: a crash at an exact point, repeatable
 *   PXF_ENOSPC_AT=N        from the Nth durable write on, writes fail with
 *                          ENOSPC, as on a full disk (syncs still succeed;
 *                          the data that fit stays written)
 *   PXF_ROFS=1             the folder is on a read-only filesystem: opening
 *                          for writing, creating, access(W_OK) and every
 *                          durable operation fail with EROFS
 *   PXF_COUNT=/file        at exit, append the number of durable operations
 *                          seen (to learn the range worth killing in)
 *
 * Works with the release binary directly and with the sanitised one when
 * ASAN_OPTIONS has verify_asan_link_order=0 (this library must come first).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *dir;
static size_t dirlen;
static long kill_at, enospc_at, count;
static int rofs;

__attribute__((constructor)) static void shim_init(void)
{
	dir = getenv("PXF_DIR");
	dirlen = dir ? strlen(dir) : 0;
	const char *v = getenv("PXF_KILL_AT");
	kill_at = v ? atol(v) : 0;
	v = getenv("PXF_ENOSPC_AT");
	enospc_at = v ? atol(v) : 0;
	v = getenv("PXF_ROFS");
	rofs = v && *v == '1';
}

__attribute__((destructor)) static void shim_fini(void)
{
	const char *path = getenv("PXF_COUNT");
	if (!path || !dir)
		return;
	FILE *fp = fopen(path, "a");
	if (fp) {
		fprintf(fp, "%ld\n", count);
		fclose(fp);
	}
}

static void *next(const char *name)
{
	void *fn = dlsym(RTLD_NEXT, name);
	if (!fn)
		abort();
	return fn;
}

static int inside(const char *path)
{
	if (!dir || !dirlen || !path)
		return 0;
	if (path[0] != '/') {
		/* Relative paths: resolve against the working directory. */
		char cwd[4096];
		if (!getcwd(cwd, sizeof cwd))
			return 0;
		size_t n = strlen(cwd);
		return strncmp(cwd, dir, dirlen) == 0 && (n == dirlen || cwd[dirlen] == '/');
	}
	return strncmp(path, dir, dirlen) == 0 && (path[dirlen] == '\0' || path[dirlen] == '/');
}

static int fd_inside(int fd)
{
	if (!dir || fd < 0)
		return 0;
	char link[64], target[4096];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, target, sizeof target - 1);
	if (n <= 0)
		return 0;
	target[n] = '\0';
	return inside(target);
}

/* One durable operation on an affected file: count it, and die first when
 * this is the chosen one.  Returns the errno to fail with, or 0. */
static int durable(int is_write)
{
	count++;
	if (kill_at && count == kill_at)
		raise(SIGKILL);
	if (rofs)
		return EROFS;
	if (is_write && enospc_at && count >= enospc_at)
		return ENOSPC;
	return 0;
}

#define FAIL_WITH(e) do { errno = (e); return -1; } while (0)

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	if (!real)
		real = next("write");
	int e = fd_inside(fd) ? durable(1) : 0;
	if (e)
		FAIL_WITH(e);
	return real(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off_t);
	if (!real)
		real = next("pwrite");
	int e = fd_inside(fd) ? durable(1) : 0;
	if (e)
		FAIL_WITH(e);
	return real(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off_t);
	if (!real)
		real = next("pwrite64");
	int e = fd_inside(fd) ? durable(1) : 0;
	if (e)
		FAIL_WITH(e);
	return real(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	static ssize_t (*real)(int, const struct iovec *, int);
	if (!real)
		real = next("writev");
	int e = fd_inside(fd) ? durable(1) : 0;
	if (e)
		FAIL_WITH(e);
	return real(fd, iov, cnt);
}

int fsync(int fd)
{
	static int (*real)(int);
	if (!real)
		real = next("fsync");
	int e = fd_inside(fd) ? durable(0) : 0;
	if (e)
		FAIL_WITH(e);
	return real(fd);
}

int fdatasync(int fd)
{
	static int (*real)(int);
	if (!real)
		real = next("fdatasync");
	int e = fd_inside(fd) ? durable(0) : 0;
	if (e)
		FAIL_WITH(e);
	return real(fd);
}

int ftruncate(int fd, off_t len)
{
	static int (*real)(int, off_t);
	if (!real)
		real = next("ftruncate");
	int e = fd_inside(fd) ? durable(0) : 0;
	if (e)
		FAIL_WITH(e);
	return real(fd, len);
}

int ftruncate64(int fd, off_t len)
{
	static int (*real)(int, off_t);
	if (!real)
		real = next("ftruncate64");
	int e = fd_inside(fd) ? durable(0) : 0;
	if (e)
		FAIL_WITH(e);
	return real(fd, len);
}

int unlink(const char *path)
{
	static int (*real)(const char *);
	if (!real)
		real = next("unlink");
	int e = inside(path) ? durable(0) : 0;
	if (e)
		FAIL_WITH(e);
	return real(path);
}

int link(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	if (!real)
		real = next("link");
	int e = inside(to) ? durable(0) : 0;
	if (e)
		FAIL_WITH(e);
	return real(from, to);
}

int rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	if (!real)
		real = next("rename");
	int e = inside(to) || inside(from) ? durable(0) : 0;
	if (e)
		FAIL_WITH(e);
	return real(from, to);
}

/* ---- read-only media ------------------------------------------------------ */

static int wants_write(int flags)
{
	return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0;
}

typedef int open_fn(const char *, int, ...);
typedef int openat_fn(int, const char *, int, ...);

static mode_t mode_arg(int flags, va_list ap)
{
	return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
}

static int refused(const char *path, int flags)
{
	return rofs && wants_write(flags) && inside(path);
}

int open(const char *path, int flags, ...)
{
	static open_fn *real;
	if (!real)
		real = (open_fn *)next("open");
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_arg(flags, ap);
	va_end(ap);
	if (refused(path, flags))
		FAIL_WITH(EROFS);
	return real(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	static open_fn *real;
	if (!real)
		real = (open_fn *)next("open64");
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_arg(flags, ap);
	va_end(ap);
	if (refused(path, flags))
		FAIL_WITH(EROFS);
	return real(path, flags, mode);
}

int openat(int at, const char *path, int flags, ...)
{
	static openat_fn *real;
	if (!real)
		real = (openat_fn *)next("openat");
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_arg(flags, ap);
	va_end(ap);
	if (refused(path, flags))
		FAIL_WITH(EROFS);
	return real(at, path, flags, mode);
}

int access(const char *path, int how)
{
	static int (*real)(const char *, int);
	if (!real)
		real = next("access");
	if (rofs && (how & W_OK) && inside(path))
		FAIL_WITH(EROFS);
	return real(path, how);
}

int mkdir(const char *path, mode_t mode)
{
	static int (*real)(const char *, mode_t);
	if (!real)
		real = next("mkdir");
	if (rofs && inside(path))
		FAIL_WITH(EROFS);
	return real(path, mode);
}
