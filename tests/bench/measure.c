/*
 * measure.c — times a command the way a user meets it: a fresh process,
 * started and waited for, several times over.
 *
 *     measure [-k RUNS] [-w WARMUPS] -- COMMAND [ARG...]
 *
 * Runs COMMAND WARMUPS times untimed (default 1: the first run pays for
 * reading the journal into the page cache, which every later run finds
 * there), then RUNS times (default 11) timed with CLOCK_MONOTONIC around
 * fork/execvp/wait4.  Standard input and output are /dev/null; standard
 * error is kept so a failure explains itself.  Prints one line:
 *
 *     MEDIAN_MS MIN_MS MAX_RSS_KB
 *
 * where MAX_RSS_KB is the largest ru_maxrss wait4 reported for a timed run
 * (the peak resident memory of that process, in KiB on Linux).  GNU time
 * is not needed.  A run that exits non-zero or dies on a signal stops
 * everything: the command and its status go to standard error and
 * measure exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MEASURE_MAX_RUNS 1000

static int parse_count(const char *opt, const char *text, long lo, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < lo || v > MEASURE_MAX_RUNS) {
		fprintf(stderr, "measure: %s: '%s' is not a count from %ld to %d\n", opt, text, lo,
			MEASURE_MAX_RUNS);
		return -1;
	}
	*out = v;
	return 0;
}

static double ms_between(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

/* Run ARGV once; *ms gets the wall time, *rss_kb the peak RSS.  0 when it
 * exited 0, else -1 after saying why. */
static int run_once(char **argv, double *ms, long *rss_kb)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "measure: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null < 0 || dup2(null, STDIN_FILENO) < 0 || dup2(null, STDOUT_FILENO) < 0)
			_exit(126);
		execvp(argv[0], argv);
		fprintf(stderr, "measure: '%s': %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int status;
	struct rusage ru;
	pid_t got;
	while ((got = wait4(pid, &status, 0, &ru)) < 0 && errno == EINTR)
		continue;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (got < 0) {
		fprintf(stderr, "measure: wait4: %s\n", strerror(errno));
		return -1;
	}
	*ms = ms_between(&t0, &t1);
	*rss_kb = ru.ru_maxrss;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		fprintf(stderr, "measure: '%s' exited with status %d\n", argv[0], WEXITSTATUS(status));
	else
		fprintf(stderr, "measure: '%s' was killed by signal %d\n", argv[0],
			WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return -1;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static int usage(void)
{
	fputs("usage: measure [-k RUNS] [-w WARMUPS] -- COMMAND [ARG...]\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	long runs = 11, warmups = 1;
	int c;
	while ((c = getopt(argc, argv, "k:w:")) != -1) {
		if (c == 'k' && parse_count("-k", optarg, 1, &runs) < 0)
			return 2;
		if (c == 'w' && parse_count("-w", optarg, 0, &warmups) < 0)
			return 2;
		if (c != 'k' && c != 'w')
			return usage();
	}
	if (optind >= argc)
		return usage();
	char **cmd = argv + optind;
	double ms, times[MEASURE_MAX_RUNS];
	long rss, max_rss = 0;
	for (long i = 0; i < warmups; i++)
		if (run_once(cmd, &ms, &rss) < 0)
			return 1;
	for (long i = 0; i < runs; i++) {
		if (run_once(cmd, &times[i], &rss) < 0)
			return 1;
		if (rss > max_rss)
			max_rss = rss;
	}
	qsort(times, (size_t)runs, sizeof times[0], compare_double);
	double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
	printf("%.2f %.2f %ld\n", median, times[0], max_rss);
	return 0;
}
