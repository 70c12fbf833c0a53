/*
 * template.c — one template from bytes to a validated `struct template`:
 * the file-level checks (size, encoding, YAML subset), the top-level keys
 * of §4.2, the lints, the checks against other templates, and read access
 * for the engine, the UI and the CLI.  Steps, conditions, substitutions,
 * vocabularies and citations have files of their own (template_impl.h
 * gives the map).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "praxis/buf.h"
#include "praxis/sha256.h"
#include "template_impl.h"

static const char *const role_names[] = { "reflect", "follow-up", "review" };
static const char *const frame_names[] = { "incident", "period", "inquiry", "note" };
static const char *const focus_names[] = { "events", "ideas", "relations" };

const char *template_role_name(enum template_role role)
{
	return (size_t)role < 3 ? role_names[role] : "?";
}

const char *template_frame_name(enum template_frame frame)
{
	return (size_t)frame < 4 ? frame_names[frame] : "?";
}

const char *template_focus_name(enum template_focus focus)
{
	return (size_t)focus < 3 ? focus_names[focus] : "?";
}

const char *template_depth_name(enum template_depth depth)
{
	static const char *const names[] = { "", "content", "process", "premise" };
	return (size_t)depth < 4 ? names[depth] : "?";
}

const char *template_source_name(enum template_source source)
{
	static const char *const names[] = { "bundled", "user", "file" };
	return (size_t)source < 3 ? names[source] : "?";
}

int template_frame_parse(const char *name, enum template_frame *out)
{
	for (size_t i = 0; i < 4; i++) {
		if (strcmp(name, frame_names[i]) == 0) {
			*out = (enum template_frame)i;
			return 0;
		}
	}
	return -1;
}

/* ---- file level --------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at P (at most N bytes), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	if (p[0] < 0x80)
		return 1;
	size_t len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
	if (len == 0 || p[0] > 0xF4 || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] >= 0xA0) ||
	    (p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] >= 0x90))
		return 0;   /* overlong, surrogate or past U+10FFFF */
	return len;
}

static int utf8_check(struct vctx *c, const char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)buf;
	int line = 1, col = 1;
	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq(p + i, len - i);
		if (n == 0) {
			char msg[64];
			snprintf(msg, sizeof msg, "not valid UTF-8 (byte 0x%02x)", p[i]);
			diags_add(c->diags, TEMPLATE_ERROR, c->file, line, col, "", msg);
			c->errors++;
			return -1;
		}
		if (p[i] == '\n')
			line++, col = 1;
		else
			col++;
		i += n;
	}
	return 0;
}

int template_parse_tree(struct vctx *c, struct arena *arena, const char *buf, size_t len,
			struct ynode **root)
{
	struct yerror err;
	*root = NULL;
	if (len > TEMPLATE_MAX_FILE) {
		verror(c, NULL, "", "the file is larger than 256 KiB (%zu bytes)", len);
		return -1;
	}
	if (utf8_check(c, buf, len))
		return -1;
	if (ytree_parse(arena, buf, len, root, &err)) {
		diags_add(c->diags, TEMPLATE_ERROR, c->file, err.line ? err.line : 1,
			  err.column ? err.column : 1, err.path, err.msg);
		c->errors++;
		return -1;
	}
	if (!*root || ynode_is_null(*root)) {
		verror(c, NULL, "", "the file is empty");
		return -1;
	}
	/* Prompt text cut short by a '#tag' read as a comment would be lost
	 * without a sound, as in an answers file. */
	size_t tag_len = 0;
	const struct ynode *cut = ytree_comment_tag(*root, &tag_len);
	if (cut) {
		struct ynode at = { .line = cut->comment_line, .column = cut->comment_column };
		verror(c, &at, "", "'#%.*s' starts a YAML comment, so the text stops before it; put "
		       "the text in quotes to keep it", (int)tag_len, cut->comment);
		return -1;
	}
	return 0;
}

/* A file that cannot be read has no line to point at. */
static void read_error(struct vctx *c, const char *what, const char *detail)
{
	char msg[300];
	snprintf(msg, sizeof msg, "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
	diags_add(c->diags, TEMPLATE_ERROR, c->file, 0, 0, "", msg);
	c->errors++;
}

int template_read_file(const char *path, char **out, size_t *len, struct vctx *c)
{
	struct stat st;
	*out = NULL;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		read_error(c, "cannot read the file", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		read_error(c, "not a regular file", NULL);
		return -1;
	}
	char *buf = px_xmalloc(TEMPLATE_MAX_FILE + 2);
	size_t got = 0;
	ssize_t r = 0;
	while (got <= TEMPLATE_MAX_FILE) {
		r = read(fd, buf + got, TEMPLATE_MAX_FILE + 1 - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	int e = errno;
	close(fd);
	if (r < 0) {
		free(buf);
		read_error(c, "cannot read the file", strerror(e));
		return -1;
	}
	if (got > TEMPLATE_MAX_FILE) {
		free(buf);
		verror(c, NULL, "", "the file is larger than 256 KiB (%lld bytes)",
		       (long long)(st.st_size > (off_t)got ? st.st_size : (off_t)got));
		return -1;
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return 0;
}

/* ---- top-level keys ----------------------------------------------------- */

static const char *const top_keys[] = {
	"praxis_template", "id", "version", "name", "summary", "based_on", "adapted", "frames",
	"role", "period", "attends_to", "tags", "use", "vocabularies", "facts",
	"opens_inquiry", "closes_inquiry", "words", "steps",
};
#define N_TOP (sizeof top_keys / sizeof top_keys[0])

/* A value from a fixed list of names; -1 after reporting. */
static int name_parse(struct vctx *c, const struct ynode *v, const char *path,
		      const char *what, const char *const *names, size_t n, const char *list)
{
	if (!vtext(c, v, path, 0))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v->str, names[i]) == 0)
			return (int)i;
	vnot_one_of(c, v, path, what, names, n, list);
	return -1;
}

/* A list of distinct names from NAMES, stored as their indexes. */
static int *names_list(struct vctx *c, const struct ynode *v, const char *path,
		       const char *what, const char *const *names, size_t n, const char *list,
		       size_t *count)
{
	char p[VPATH];
	*count = 0;
	if (!vis_seq(c, v, path))
		return NULL;
	int *out = arena_array(c->arena, v->n + 1, sizeof *out);
	for (size_t i = 0; i < v->n; i++) {
		vpath_index(p, path, i);
		int k = name_parse(c, v->kids[i], p, what, names, n, list);
		if (k < 0)
			continue;
		size_t j = 0;
		while (j < *count && out[j] != k)
			j++;
		if (j < *count)
			verror(c, v->kids[i], p, "'%s' is listed twice", names[k]);
		else
			out[(*count)++] = k;
	}
	return out;
}

static void top_frames(struct vctx *c, struct template *t, const struct ynode *v)
{
	size_t n;
	int *idx = names_list(c, v, "frames", "a frame", frame_names, 4,
			      "incident, period, inquiry or note", &n);
	if (idx && n == 0 && v->n == 0)
		verror(c, v, "frames", "must list at least one frame");
	t->frames = arena_array(c->arena, n + 1, sizeof *t->frames);
	for (size_t i = 0; i < n; i++)
		t->frames[i] = (enum template_frame)idx[i];
	t->n_frames = n;
}

static void top_attends(struct vctx *c, struct template *t, const struct ynode *v)
{
	size_t n;
	int *idx = names_list(c, v, "attends_to", "a focus", focus_names, 3,
			      "events, ideas or relations", &n);
	t->attends = arena_array(c->arena, n + 1, sizeof *t->attends);
	for (size_t i = 0; idx && i < n; i++)
		t->attends[i] = (enum template_focus)idx[i];
	t->n_attends = n;
}

static bool fact_name_ok(struct vctx *c, const struct ynode *n, const char *path)
{
	char show[80], sug[128];
	const char *names[64];
	if (template_fact_lookup(n->str))
		return true;
	size_t k = template_fact_names(names, 64);
	verror(c, n, path, "'%s' is not a fact%s", vshow(n->str, show),
	       vsuggest(n->str, names, k, sug));
	return false;
}

static void top_facts(struct vctx *c, struct template *t, const struct ynode *v)
{
	char p[VPATH];
	if (t->role != TEMPLATE_ROLE_REVIEW) {
		verror(c, v, "facts", "only review templates read facts (this one's role is %s)",
		       template_role_name(t->role));
		return;
	}
	t->facts = vtext_list(c, v, "facts", &t->n_facts, fact_name_ok);
	for (size_t i = 0; i < t->n_facts; i++) {
		const struct template_fact_info *info = template_fact_lookup(t->facts[i]);
		for (size_t k = 0; !info->available && k < v->n; k++)
			if (v->kids[k]->str == t->facts[i])
				vwarn(c, v->kids[k], vpath_index(p, "facts", k), "fact '%s' is not "
				      "available yet; steps that read it are skipped", t->facts[i]);
	}
}

static void top_period(struct vctx *c, struct template *t, const struct ynode *v)
{
	static const char *const keys[] = { "default" };
	char show[80];
	if (t->role != TEMPLATE_ROLE_REVIEW) {
		verror(c, v, "period", "only review templates have a period (this one's role is "
		       "%s)", template_role_name(t->role));
		return;
	}
	if (!vis_map(c, v, "period"))
		return;
	vkeys(c, v, "period", keys, 1);
	const struct ynode *d = ymap_get(v, "default");
	if (!vrequire(c, v, "period", "default") || !vtext(c, d, "period.default", 0))
		return;
	if (period_valid(d->str))
		t->period = d->str;
	else
		verror(c, d, "period.default", "'%s' is not a period (week, month, 2025-03, "
		       "2025-W10, FROM..TO)", vshow(d->str, show));
}

static void top_vocabularies(struct vctx *c, struct template *t, const struct ynode *v)
{
	char p[VPATH];
	if (!vis_map(c, v, "vocabularies"))
		return;
	t->vocabs = arena_array(c->arena, v->n + 1, sizeof *t->vocabs);
	t->broken_vocabs = arena_array(c->arena, v->n + 1, sizeof *t->broken_vocabs);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *key = v->kids[2 * i];
		if (strncmp(key->str, "x-", 2) == 0)   /* room for other tools, as elsewhere */
			continue;
		vpath_key(p, "vocabularies", key->str);
		const char *id = vid(c, key, p, VID_TEMPLATE);
		if (id && vocab_parse(c, id, v->kids[2 * i + 1], p, &t->vocabs[t->n_vocabs]))
			t->n_vocabs++;
		else
			t->broken_vocabs[t->n_broken++] = key->str;
	}
}

static bool use_ok(struct vctx *c, const struct ynode *n, const char *path,
		   const struct template *t)
{
	char show[80], sug[128];
	for (size_t i = 0; i < t->n_vocabs; i++)
		if (strcmp(t->vocabs[i].id, n->str) == 0)
			return true;
	if (t->set && template_set_vocab(t->set, n->str))
		return true;
	size_t total = t->set ? template_set_vocab_count(t->set) : 0;
	const char **ids = arena_array(c->arena, total + t->n_vocabs + 1, sizeof *ids);
	for (size_t i = 0; i < total; i++)
		ids[i] = template_set_vocab_at(t->set, i)->id;
	for (size_t i = 0; i < t->n_vocabs; i++)
		ids[total + i] = t->vocabs[i].id;
	verror(c, n, path, "'%s' is not a vocabulary%s", vshow(n->str, show),
	       vsuggest(n->str, ids, total + t->n_vocabs, sug));
	return false;
}

static void top_use(struct vctx *c, struct template *t, const struct ynode *v)
{
	char p[VPATH];
	size_t n;
	const char **ids = vtext_list(c, v, "use", &n, NULL);
	t->uses = ids;
	t->n_uses = n;
	for (size_t i = 0; ids && i < v->n; i++)
		if (v->kids[i]->kind == YNODE_SCALAR && v->kids[i]->len)
			use_ok(c, v->kids[i], vpath_index(p, "use", i), t);
}

/* opens_inquiry: {question: STEP} and closes_inquiry: {summary: STEP} both
 * name a text step whose answer becomes the inquiry's question or its
 * closing summary.  *OUT gets the step id when it is valid. */
static void top_inquiry_link(struct vctx *c, struct template *t, const struct ynode *v,
			     const char *key, const char *field, const char **out)
{
	const char *const keys[] = { field };
	char sug[128], path[64];
	if (!vis_map(c, v, key))
		return;
	vkeys(c, v, key, keys, 1);
	snprintf(path, sizeof path, "%s.%s", key, field);
	const struct ynode *q = ymap_get(v, field);
	if (!vrequire(c, v, key, field) || !vtext(c, q, path, 0))
		return;
	long k = template_step_find(t, q->str);
	if (k < 0) {
		const char **ids = arena_array(c->arena, t->n_steps + 1, sizeof *ids);
		size_t n = 0;
		for (size_t i = 0; i < t->n_steps; i++)
			if (t->steps[i].id)
				ids[n++] = t->steps[i].id;
		verror(c, q, path, "'%s' is not a step of this template%s",
		       q->str, vsuggest(q->str, ids, n, sug));
	} else if (t->steps[k].kind != TEMPLATE_TEXT) {
		verror(c, q, path, "'%s' is a %s step; the %s must come from a text step", q->str,
		       template_kind_name(t->steps[k].kind), field);
	} else {
		*out = q->str;
	}
}

/* id, version, name, summary, role, adapted: the plain scalars. */
static void top_scalars(struct vctx *c, struct template *t, const struct ynode *root)
{
	const struct ynode *v;
	long x;
	if (ymap_get(root, "praxis_template"))
		vformat(c, root, "praxis_template");
	if ((v = ymap_get(root, "id"))) {
		t->id = vid(c, v, "id", VID_TEMPLATE);
		t->id_line = v->line;
		t->id_column = v->column;
	}
	if ((v = ymap_get(root, "version")) && vint(c, v, "version", 1, 1000000, &x))
		t->version = (int)x;
	if ((v = ymap_get(root, "name")))
		t->name = vtext(c, v, "name", TEMPLATE_MAX_NAME);
	if ((v = ymap_get(root, "summary")))
		t->summary = vtext(c, v, "summary", TEMPLATE_MAX_SUMMARY);
	int role = 0;
	if ((v = ymap_get(root, "role")))
		role = name_parse(c, v, "role", "a role", role_names, 3, "reflect, follow-up or review");
	t->role = role < 0 ? TEMPLATE_ROLE_REFLECT : (enum template_role)role;
	t->adapted = true;
	if ((v = ymap_get(root, "adapted")))
		vbool(c, v, "adapted", &t->adapted);
}

static void top_lists(struct vctx *c, struct template *t, const struct ynode *root)
{
	const struct ynode *v;
	if ((v = ymap_get(root, "frames")))
		top_frames(c, t, v);
	if ((v = ymap_get(root, "attends_to")))
		top_attends(c, t, v);
	if ((v = ymap_get(root, "tags")))
		t->tags = vtext_list(c, v, "tags", &t->n_tags, vtag);
	if ((v = ymap_get(root, "based_on")))
		t->based_on = basis_parse(c, v, "based_on", &t->n_based_on);
	if ((v = ymap_get(root, "facts")))
		top_facts(c, t, v);
	if ((v = ymap_get(root, "period")))
		top_period(c, t, v);
	if ((v = ymap_get(root, "vocabularies")))
		top_vocabularies(c, t, v);
	if ((v = ymap_get(root, "use")))
		top_use(c, t, v);
	if ((v = ymap_get(root, "words")))
		vwords(c, v, "words", &t->words);
}

static void lints(struct vctx *c, struct template *t, const struct ynode *root)
{
	char p[VPATH], q[VPATH];
	bool forward = false;
	for (size_t i = 0; i < t->n_steps; i++)
		forward |= t->steps[i].kind == TEMPLATE_ACTION || t->steps[i].kind == TEMPLATE_DATE;
	if (t->role == TEMPLATE_ROLE_REFLECT && t->n_steps && !forward)
		vwarn(c, ymap_get(root, "steps"), "steps", "never looks forward: a reflect "
		      "template should end with an action or date step");
	for (size_t i = 0; i < t->n_steps; i++) {
		const struct ynode *n = t->step_nodes[i];
		if (t->steps[i].required && t->steps[i].when)
			vwarn(c, ymap_get(n, "required"), vpath_key(q, vpath_index(p, "steps", i),
			      "required"), "required, but its own when: can skip it (it is only "
			      "required when shown)");
	}
	const struct ynode *adapted = ymap_get(root, "adapted");
	if (t->source == TEMPLATE_SOURCE_BUNDLED && adapted && !t->adapted)
		vwarn(c, adapted, "adapted", "a bundled template should word its prompts in "
		      "praxis's own words (adapted: true)");
}

static void template_validate(struct vctx *c, struct template *t, const struct ynode *root)
{
	static const char *const required[] = {
		"praxis_template", "id", "version", "name", "frames", "steps",
	};
	if (!vis_map(c, root, ""))
		return;
	vkeys(c, root, "", top_keys, N_TOP);
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		vrequire(c, root, "", required[i]);
	if (t->source == TEMPLATE_SOURCE_BUNDLED)
		vrequire(c, root, "", "based_on");
	top_scalars(c, t, root);
	top_lists(c, t, root);
	const struct ynode *steps = ymap_get(root, "steps");
	if (!steps)
		return;
	steps_parse(c, t, steps);
	steps_link(c, t);
	const struct ynode *v = ymap_get(root, "opens_inquiry");
	if (v)
		top_inquiry_link(c, t, v, "opens_inquiry", "question", &t->opens_inquiry);
	if ((v = ymap_get(root, "closes_inquiry"))) {
		top_inquiry_link(c, t, v, "closes_inquiry", "summary", &t->closes_inquiry);
		if (t->opens_inquiry && t->closes_inquiry)
			verror(c, v, "closes_inquiry", "a template cannot both open and close an "
			       "inquiry");
	}
	if (c->errors == 0)   /* advice on a broken template is noise */
		lints(c, t, root);
}

/* ---- loading ------------------------------------------------------------ */

void tref_add(struct template *t, const char *template_id, const char *step,
	      const struct ynode *at, const char *path)
{
	if (t->n_refs == t->cap_refs) {
		size_t cap = t->cap_refs ? 2 * t->cap_refs : 8;
		struct tref *refs = arena_array(&t->arena, cap, sizeof *refs);
		if (t->refs)
			memcpy(refs, t->refs, t->n_refs * sizeof *refs);
		t->refs = refs;
		t->cap_refs = cap;
	}
	struct tref *r = &t->refs[t->n_refs++];
	r->template_id = template_id;
	r->step = step;
	r->line = at->line;
	r->column = at->column;
	r->path = arena_strdup(&t->arena, path);
}

struct template *template_load_buffer(const char *buf, size_t len, const char *name,
				      const struct template_load_opts *opts,
				      struct template_diags *diags)
{
	struct template *t = px_xcalloc(1, sizeof *t);
	struct vctx c = { name ? name : "<buffer>", diags, 0, &t->arena };
	size_t start = template_diags_count(diags);
	struct ynode *root;
	t->source = opts ? opts->source : TEMPLATE_SOURCE_FILE;
	t->set = opts ? opts->set : NULL;
	if (template_parse_tree(&c, &t->arena, buf, len, &root) == 0)
		template_validate(&c, t, root);
	diags_sort_from(diags, start);
	if (c.errors) {
		template_free(t);
		return NULL;
	}
	t->text = arena_strndup(&t->arena, buf, len);
	t->text_len = len;
	sha256_hex(buf, len, t->hash);
	t->file = arena_strdup(&t->arena, c.file);
	t->path = arena_strdup(&t->arena, opts && opts->path ? opts->path : c.file);
	t->set = NULL;
	t->step_nodes = NULL;
	return t;
}

struct template *template_load_file(const char *path, const struct template_load_opts *opts,
				    struct template_diags *diags)
{
	struct vctx c = { path, diags, 0, NULL };
	char *buf;
	size_t len;
	if (template_read_file(path, &buf, &len, &c))
		return NULL;
	struct template_load_opts o = { NULL, TEMPLATE_SOURCE_FILE, path };
	if (opts)
		o = *opts;
	if (!o.path)
		o.path = path;
	struct template *t = template_load_buffer(buf, len, path, &o, diags);
	free(buf);
	return t;
}

static const struct template *ref_target(const struct template *t,
					 const struct template_set *set, const char *id)
{
	if (t->id && strcmp(t->id, id) == 0)
		return t;
	return set ? template_set_find(set, id) : NULL;
}

static void ref_missing(const struct template *t, const struct template_set *set,
			const struct tref *r, struct template_diags *diags)
{
	char msg[512], sug[128];
	size_t n = set ? template_set_count(set) : 0;
	const char **ids = px_xcalloc(n + 2, sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = template_id(template_set_at(set, i));
	ids[n] = t->id;
	snprintf(msg, sizeof msg, "'%s' is not a template%s", r->template_id,
		 vsuggest(r->template_id, ids, n + 1, sug));
	diags_add(diags, TEMPLATE_ERROR, t->file, r->line, r->column, r->path, msg);
	free(ids);
}

size_t template_check_refs(const struct template *t, const struct template_set *set,
			   struct template_diags *diags)
{
	size_t errors = 0;
	char msg[512];
	for (size_t i = 0; i < t->n_refs; i++) {
		const struct tref *r = &t->refs[i];
		const struct template *target = ref_target(t, set, r->template_id);
		if (!target) {
			ref_missing(t, set, r, diags);
			errors++;
		} else if (r->step && template_step_find(target, r->step) < 0) {
			snprintf(msg, sizeof msg, "'%s' is not a step of template '%s'", r->step,
				 r->template_id);
			diags_add(diags, TEMPLATE_ERROR, t->file, r->line, r->column, r->path, msg);
			errors++;
		}
	}
	return errors;
}

struct template *template_check_file(const char *path, const struct template_set *set,
				     struct template_diags *diags)
{
	struct template_load_opts opts = { set, TEMPLATE_SOURCE_FILE, path };
	size_t start = template_diags_count(diags);
	struct template *t = template_load_file(path, &opts, diags);
	if (t && template_check_refs(t, set, diags)) {
		template_free(t);
		t = NULL;
	}
	diags_sort_from(diags, start);
	return t;
}

void template_free(struct template *t)
{
	if (!t)
		return;
	arena_free(&t->arena);
	free(t);
}

/* ---- read access -------------------------------------------------------- */

const char *template_id(const struct template *t) { return t->id; }
int template_version(const struct template *t) { return t->version; }
const char *template_name(const struct template *t) { return t->name; }
const char *template_summary(const struct template *t) { return t->summary ? t->summary : ""; }
enum template_role template_role(const struct template *t) { return t->role; }
const char *template_period_default(const struct template *t) { return t->period; }
bool template_adapted(const struct template *t) { return t->adapted; }
const char *template_opens_inquiry(const struct template *t) { return t->opens_inquiry; }
const char *template_closes_inquiry(const struct template *t) { return t->closes_inquiry; }
struct template_words template_words(const struct template *t) { return t->words; }
size_t template_step_count(const struct template *t) { return t->n_steps; }
const char *template_hash(const struct template *t) { return t->hash; }
const char *template_path(const struct template *t) { return t->path; }
enum template_source template_source(const struct template *t) { return t->source; }

const enum template_frame *template_frames(const struct template *t, size_t *n)
{
	*n = t->n_frames;
	return t->frames;
}

const enum template_focus *template_attends_to(const struct template *t, size_t *n)
{
	*n = t->n_attends;
	return t->attends;
}

const char *const *template_tags(const struct template *t, size_t *n)
{
	*n = t->n_tags;
	return t->tags;
}

const char *const *template_uses(const struct template *t, size_t *n)
{
	*n = t->n_uses;
	return t->uses;
}

const char *const *template_facts(const struct template *t, size_t *n)
{
	*n = t->n_facts;
	return t->facts;
}

const struct template_basis *template_based_on(const struct template *t, size_t *n)
{
	*n = t->n_based_on;
	return t->based_on;
}

const struct template_step *template_step_at(const struct template *t, size_t i)
{
	return i < t->n_steps ? &t->steps[i] : NULL;
}

long template_step_find(const struct template *t, const char *id)
{
	for (size_t i = 0; i < t->n_steps; i++)
		if (t->steps[i].id && strcmp(t->steps[i].id, id) == 0)
			return (long)i;
	return -1;
}

const char *template_text(const struct template *t, size_t *len)
{
	if (len)
		*len = t->text_len;
	return t->text;
}
