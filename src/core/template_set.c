/*
 * template_set.c — every template praxis can offer: the bundled folder,
 * then the user's, each with a `vocab/` subfolder.  A later folder
 * overrides an earlier one by id (vocabularies first, so a user's
 * vocabulary also serves the bundled templates).  Bad files are reported
 * and left out; the good ones stay, so one broken user file never costs
 * the learner the rest.  Lists are kept sorted by id so every listing is
 * deterministic.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "praxis/buf.h"
#include "praxis/suggest.h"
#include "template_impl.h"

#ifndef PRAXIS_DATADIR
#define PRAXIS_DATADIR "/usr/local/share/praxis"
#endif

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool yaml_name(const char *name)
{
	size_t len = strlen(name);
	return name[0] != '.' && len > 5 && strcmp(name + len - 5, ".yaml") == 0;
}

/* The *.yaml files of DIR, sorted; NULL with *N = 0 when the folder does
 * not exist (not an error: neither folder has to). */
static char **list_dir(const char *dir, size_t *n, struct template_diags *diags)
{
	*n = 0;
	DIR *d = opendir(dir);
	if (!d) {
		if (errno != ENOENT && errno != ENOTDIR) {
			char msg[300];
			snprintf(msg, sizeof msg, "cannot read the folder: %s", strerror(errno));
			diags_add(diags, TEMPLATE_ERROR, dir, 0, 0, "", msg);
		}
		return NULL;
	}
	char **names = NULL;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!yaml_name(e->d_name))
			continue;
		px_grow((void **)&names, &cap, *n + 1, sizeof *names);
		struct px_buf b = PX_BUF_INIT;
		px_buf_addf(&b, "%s/%s", dir, e->d_name);
		names[(*n)++] = px_buf_detach(&b);
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, name_cmp);
	return names;
}

static void free_list(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ---- vocabularies ------------------------------------------------------- */

static size_t vocab_pos(const struct template_set *set, const char *id, bool *found)
{
	size_t lo = 0, hi = set->n_vocabs;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = strcmp(set->vocabs[mid].vocab->id, id);
		if (cmp == 0) {
			*found = true;
			return mid;
		}
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

static void vocab_add(struct template_set *set, struct vctx *c, const struct ynode *root,
		      const struct template_vocab *v, size_t gen)
{
	bool found;
	size_t pos = vocab_pos(set, v->id, &found);
	if (found && set->vocabs[pos].gen == gen) {
		char p[VPATH];
		const struct ynode *key = ymap_key(ymap_get(root, "vocabularies"), v->id);
		verror(c, key, vpath_key(p, "vocabularies", v->id), "vocabulary '%s' is already "
		       "defined in %s", v->id, set->vocabs[pos].vocab->path);
		return;
	}
	if (found) {   /* a later folder overrides */
		set->vocabs[pos].vocab = v;
		set->vocabs[pos].gen = gen;
		return;
	}
	px_grow((void **)&set->vocabs, &set->cap_vocabs, set->n_vocabs + 1, sizeof *set->vocabs);
	memmove(set->vocabs + pos + 1, set->vocabs + pos,
		(set->n_vocabs - pos) * sizeof *set->vocabs);
	set->vocabs[pos].vocab = v;
	set->vocabs[pos].gen = gen;
	set->n_vocabs++;
}

static void vocab_file_load(struct template_set *set, const char *path,
			    enum template_source source, size_t gen,
			    struct template_diags *diags)
{
	char *buf;
	size_t len, n;
	struct ynode *root;
	struct vctx c = { path, diags, 0, &set->arena };
	size_t start = template_diags_count(diags);
	if (template_read_file(path, &buf, &len, &c))
		return;
	if (template_parse_tree(&c, &set->arena, buf, len, &root) == 0) {
		struct template_vocab *v = vocab_file_parse(&c, root, &n);
		const char *copy = arena_strdup(&set->arena, path);
		for (size_t i = 0; i < n; i++) {
			v[i].path = copy;
			v[i].source = source;
			vocab_add(set, &c, root, &v[i], gen);
		}
	}
	diags_sort_from(diags, start);
	free(buf);
}

/* ---- templates ---------------------------------------------------------- */

static size_t item_pos(const struct template_set *set, const char *id, bool *found)
{
	size_t lo = 0, hi = set->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = strcmp(set->items[mid]->id, id);
		if (cmp == 0) {
			*found = true;
			return mid;
		}
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

static void item_add(struct template_set *set, struct template *t,
		     struct template_diags *diags)
{
	bool found;
	size_t pos = item_pos(set, t->id, &found);
	if (found && set->items[pos]->gen == t->gen) {
		char msg[600];
		snprintf(msg, sizeof msg, "template id '%s' is already used by %s", t->id,
			 set->items[pos]->path);
		diags_add(diags, TEMPLATE_ERROR, t->file, t->id_line, t->id_column, "id", msg);
		template_free(t);
		return;
	}
	if (found) {   /* the user's file overrides the bundled one */
		template_free(set->items[pos]);
		set->items[pos] = t;
		return;
	}
	px_grow((void **)&set->items, &set->cap, set->n + 1, sizeof *set->items);
	memmove(set->items + pos + 1, set->items + pos, (set->n - pos) * sizeof *set->items);
	set->items[pos] = t;
	set->n++;
}

static void templates_load(struct template_set *set, const struct template_dir *dir,
			   size_t gen, struct template_diags *diags)
{
	size_t n;
	char **files = list_dir(dir->path, &n, diags);
	for (size_t i = 0; i < n; i++) {
		struct template_load_opts opts = { set, dir->source, files[i] };
		struct template *t = template_load_file(files[i], &opts, diags);
		if (!t)
			continue;
		t->gen = gen;
		item_add(set, t, diags);
	}
	free_list(files, n);
}

/* Drop templates whose follow-ups are missing, until none is: dropping one
 * can strand another that follows up into it. */
static void cross_check(struct template_set *set, struct template_diags *diags)
{
	bool dropped = true;
	while (dropped) {
		dropped = false;
		bool *bad = px_xcalloc(set->n + 1, sizeof *bad);
		for (size_t i = 0; i < set->n; i++)
			bad[i] = template_check_refs(set->items[i], set, diags) > 0;
		size_t kept = 0;
		for (size_t i = 0; i < set->n; i++) {
			if (bad[i]) {
				template_free(set->items[i]);
				dropped = true;
			} else {
				set->items[kept++] = set->items[i];
			}
		}
		set->n = kept;
		free(bad);
	}
}

struct template_set *template_set_load(const struct template_dir *dirs, size_t n,
				       struct template_diags *diags)
{
	struct template_set *set = px_xcalloc(1, sizeof *set);
	for (size_t i = 0; i < n; i++) {
		if (!dirs[i].path)
			continue;
		struct px_buf b = PX_BUF_INIT;
		px_buf_addf(&b, "%s/vocab", dirs[i].path);
		size_t count;
		char **files = list_dir(b.data, &count, diags);
		for (size_t k = 0; k < count; k++)
			vocab_file_load(set, files[k], dirs[i].source, i, diags);
		free_list(files, count);
		px_buf_free(&b);
	}
	for (size_t i = 0; i < n; i++)
		if (dirs[i].path)
			templates_load(set, &dirs[i], i, diags);
	cross_check(set, diags);
	return set;
}

struct template_set *template_set_load_default(struct template_diags *diags)
{
	char *bundled = template_dir_bundled();
	char *user = template_dir_user();
	struct template_dir dirs[] = {
		{ bundled, TEMPLATE_SOURCE_BUNDLED },
		{ user, TEMPLATE_SOURCE_USER },
	};
	struct template_set *set = template_set_load(dirs, 2, diags);
	free(bundled);
	free(user);
	return set;
}

void template_set_free(struct template_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++)
		template_free(set->items[i]);
	free(set->items);
	free(set->vocabs);
	arena_free(&set->arena);
	free(set);
}

/* ---- look-up ------------------------------------------------------------ */

size_t template_set_count(const struct template_set *set)
{
	return set->n;
}

const struct template *template_set_at(const struct template_set *set, size_t i)
{
	return i < set->n ? set->items[i] : NULL;
}

const struct template *template_set_find(const struct template_set *set, const char *id)
{
	bool found;
	size_t pos = item_pos(set, id, &found);
	return found ? set->items[pos] : NULL;
}

const struct template *template_set_get(const struct template_set *set, const char *id,
					struct px_error *err)
{
	const struct template *t = template_set_find(set, id);
	if (t)
		return t;
	const char **ids = px_xcalloc(set->n + 1, sizeof *ids);
	char sug[128];
	for (size_t i = 0; i < set->n; i++)
		ids[i] = set->items[i]->id;
	px_error_set(err, PX_ERR_NOT_FOUND, "no template '%.100s'%s", id,
		     vsuggest(id, ids, set->n, sug));
	free(ids);
	return NULL;
}

size_t template_set_vocab_count(const struct template_set *set)
{
	return set->n_vocabs;
}

const struct template_vocab *template_set_vocab_at(const struct template_set *set, size_t i)
{
	return i < set->n_vocabs ? set->vocabs[i].vocab : NULL;
}

const struct template_vocab *template_set_vocab(const struct template_set *set, const char *id)
{
	bool found;
	size_t pos = vocab_pos(set, id, &found);
	return found ? set->vocabs[pos].vocab : NULL;
}

/* ---- folders ------------------------------------------------------------ */

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *template_dir_bundled(void)
{
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	struct px_buf b = PX_BUF_INIT;
	if (len > 0) {
		exe[len] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		px_buf_addf(&b, "%s/prompts", exe);
		if (is_dir(b.data))
			return px_buf_detach(&b);
		px_buf_reset(&b);
		px_buf_addf(&b, "%s/../share/praxis/prompts", exe);
		if (is_dir(b.data))
			return px_buf_detach(&b);
		px_buf_reset(&b);
	}
	px_buf_adds(&b, PRAXIS_DATADIR "/prompts");
	if (is_dir(b.data))
		return px_buf_detach(&b);
	px_buf_free(&b);
	return NULL;
}

char *template_dir_user(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct px_buf b = PX_BUF_INIT;
	if (xdg && xdg[0] == '/')
		px_buf_addf(&b, "%s/praxis/prompts", xdg);
	else if (home && home[0])
		px_buf_addf(&b, "%s/.config/praxis/prompts", home);
	else
		return NULL;
	return px_buf_detach(&b);
}
