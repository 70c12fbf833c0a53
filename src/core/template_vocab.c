/*
 * template_vocab.c — option lists and vocabularies (§4.4, §5.5).
 *
 * A vocabulary is a named, cited option list shared between templates:
 * Kotter's functions, French and Raven's bases of power, Brookfield's
 * lenses.  They live in the `.yaml` files of `prompts/vocab/`
 * (`praxis_vocabulary: 1` + `vocabularies: {ID: …}`) or inline in a
 * template under `vocabularies:`, in the same shape.  Steps name them with
 * `vocabulary:` (choice, multi) or `suggest:` (tags); the template copies
 * the options it uses, so a template never points into a set.
 */
#include <string.h>

#include "template_impl.h"

#define LABEL_MAX 200
#define HINT_MAX 400

static bool option_group(struct vctx *c, const struct ynode *v, const char *path,
			 const struct template_group *groups, size_t n_groups)
{
	char show[80], sug[128];
	const char *ids[TEMPLATE_MAX_OPTIONS];
	if (!vtext(c, v, path, 0))
		return false;
	size_t n = n_groups < TEMPLATE_MAX_OPTIONS ? n_groups : TEMPLATE_MAX_OPTIONS;
	for (size_t i = 0; i < n; i++) {
		ids[i] = groups[i].id;
		if (strcmp(groups[i].id, v->str) == 0)
			return true;
	}
	if (!n_groups)
		verror(c, v, path, "'%s' names a group, but the vocabulary has no groups:",
		       vshow(v->str, show));
	else
		verror(c, v, path, "'%s' is not one of the vocabulary's groups%s",
		       vshow(v->str, show), vsuggest(v->str, ids, n, sug));
	return false;
}

/* One {id, label, hint?, tag?, group?}; GROUPED allows `group:`. */
static bool option_parse(struct vctx *c, const struct ynode *n, const char *path, bool grouped,
			 const struct template_group *groups, size_t n_groups,
			 struct template_option *out)
{
	static const char *const keys[] = { "id", "label", "hint", "tag", "group" };
	char p[VPATH];
	size_t before = c->errors;
	if (!vis_map(c, n, path))
		return false;
	vkeys(c, n, path, keys, grouped ? 5 : 4);
	vrequire(c, n, path, "id");
	vrequire(c, n, path, "label");
	const struct ynode *v;
	if ((v = ymap_get(n, "id")))
		out->id = vid(c, v, vpath_key(p, path, "id"), VID_OPTION);
	if ((v = ymap_get(n, "label")))
		out->label = vtext(c, v, vpath_key(p, path, "label"), LABEL_MAX);
	if ((v = ymap_get(n, "hint")))
		out->hint = vtext(c, v, vpath_key(p, path, "hint"), HINT_MAX);
	if ((v = ymap_get(n, "tag")) && vtext(c, v, vpath_key(p, path, "tag"), 0) &&
	    vtag(c, v, p))
		out->tag = v->str;
	if (grouped && (v = ymap_get(n, "group")) &&
	    option_group(c, v, vpath_key(p, path, "group"), groups, n_groups))
		out->group = v->str;
	return c->errors == before;
}

static bool options_count(struct vctx *c, const struct ynode *seq, const char *path)
{
	if (seq->n == 0) {
		verror(c, seq, path, "must list at least one option");
		return false;
	}
	if (seq->n > TEMPLATE_MAX_OPTIONS) {
		verror(c, seq, path, "has %zu options; at most %d", seq->n, TEMPLATE_MAX_OPTIONS);
		return false;
	}
	return true;
}

static struct template_option *options_parse_grouped(struct vctx *c, const struct ynode *seq,
						     const char *path, bool grouped,
						     const struct template_group *groups,
						     size_t n_groups, size_t *count)
{
	char p[VPATH], q[VPATH];
	*count = 0;
	if (!vis_seq(c, seq, path) || !options_count(c, seq, path))
		return NULL;
	struct template_option *out = arena_array(c->arena, seq->n, sizeof *out);
	for (size_t i = 0; i < seq->n; i++) {
		struct template_option o = { NULL, NULL, NULL, NULL, NULL };
		vpath_index(p, path, i);
		if (!option_parse(c, seq->kids[i], p, grouped, groups, n_groups, &o))
			continue;
		size_t k = 0;
		while (k < *count && strcmp(out[k].id, o.id) != 0)
			k++;
		if (k < *count) {
			verror(c, ymap_get(seq->kids[i], "id"), vpath_key(q, p, "id"),
			       "duplicate option id '%s'", o.id);
			continue;
		}
		out[(*count)++] = o;
	}
	return out;
}

struct template_option *options_parse(struct vctx *c, const struct ynode *seq,
				      const char *path, const struct template_group *groups,
				      size_t n_groups, size_t *count)
{
	return options_parse_grouped(c, seq, path, groups != NULL, groups, n_groups, count);
}

static struct template_group *groups_parse(struct vctx *c, const struct ynode *seq,
					   const char *path, size_t *count)
{
	static const char *const keys[] = { "id", "label" };
	char p[VPATH], q[VPATH];
	*count = 0;
	if (!vis_seq(c, seq, path) || !options_count(c, seq, path))
		return NULL;
	struct template_group *out = arena_array(c->arena, seq->n, sizeof *out);
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *g = seq->kids[i];
		vpath_index(p, path, i);
		if (!vis_map(c, g, p))
			continue;
		vkeys(c, g, p, keys, 2);
		bool ok = vrequire(c, g, p, "id") & vrequire(c, g, p, "label");
		const struct ynode *id = ymap_get(g, "id"), *label = ymap_get(g, "label");
		const char *ids = id ? vid(c, id, vpath_key(q, p, "id"), VID_OPTION) : NULL;
		const char *labels = label ? vtext(c, label, vpath_key(q, p, "label"), LABEL_MAX)
					   : NULL;
		if (!ok || !ids || !labels)
			continue;
		out[*count].id = ids;
		out[*count].label = labels;
		(*count)++;
	}
	return out;
}

static void vocab_centre(struct vctx *c, const struct ynode *n, const char *path,
			 struct template_vocab *out)
{
	struct template_option *centre = arena_alloc(c->arena, sizeof *centre);
	if (!option_parse(c, n, path, false, NULL, 0, centre))
		return;
	for (size_t i = 0; i < out->n_options; i++) {
		if (strcmp(out->options[i].id, centre->id) == 0) {
			verror(c, n, path, "the centre '%s' is also an option", centre->id);
			return;
		}
	}
	out->centre = centre;
}

bool vocab_parse(struct vctx *c, const char *id, const struct ynode *n, const char *path,
		 struct template_vocab *out)
{
	static const char *const keys[] = {
		"name", "based_on", "tag_prefix", "ordered", "groups", "options", "centre",
	};
	char p[VPATH], show[80];
	size_t before = c->errors;
	memset(out, 0, sizeof *out);
	out->id = id;
	out->tag_prefix = "";
	if (!vis_map(c, n, path))
		return false;
	vkeys(c, n, path, keys, sizeof keys / sizeof keys[0]);
	vrequire(c, n, path, "name");
	vrequire(c, n, path, "options");
	const struct ynode *v;
	if ((v = ymap_get(n, "name")))
		out->name = vtext(c, v, vpath_key(p, path, "name"), TEMPLATE_MAX_NAME);
	if ((v = ymap_get(n, "based_on")))
		out->based_on = basis_parse(c, v, vpath_key(p, path, "based_on"), &out->n_based_on);
	if ((v = ymap_get(n, "tag_prefix")) && vtext(c, v, vpath_key(p, path, "tag_prefix"), 0)) {
		if (prefix_valid(v->str))
			out->tag_prefix = v->str;
		else
			verror(c, v, p, "'%s' is not a tag prefix", vshow(v->str, show));
	}
	if ((v = ymap_get(n, "ordered")))
		vbool(c, v, vpath_key(p, path, "ordered"), &out->ordered);
	const struct ynode *groups = ymap_get(n, "groups");
	if (groups)
		out->groups = groups_parse(c, groups, vpath_key(p, path, "groups"), &out->n_groups);
	if ((v = ymap_get(n, "options"))) {
		struct template_option *opts = options_parse_grouped(
			c, v, vpath_key(p, path, "options"), true, out->groups, out->n_groups,
			&out->n_options);
		out->options = opts;
	}
	if ((v = ymap_get(n, "centre")))
		vocab_centre(c, v, vpath_key(p, path, "centre"), out);
	return c->errors == before;
}

bool vformat(struct vctx *c, const struct ynode *root, const char *key)
{
	const struct ynode *v = ymap_get(root, key);
	long version;
	if (!v || !vint(c, v, key, 0, 1000000, &version))
		return false;
	if (version != TEMPLATE_FORMAT) {
		verror(c, v, key, "format version %ld is not supported; this praxis reads "
		       "version %d", version, TEMPLATE_FORMAT);
		return false;
	}
	return true;
}

struct template_vocab *vocab_file_parse(struct vctx *c, const struct ynode *root,
					size_t *count)
{
	static const char *const keys[] = { "praxis_vocabulary", "vocabularies" };
	char p[VPATH];
	*count = 0;
	if (!vis_map(c, root, ""))
		return NULL;
	vkeys(c, root, "", keys, 2);
	bool ok = vrequire(c, root, "", "praxis_vocabulary") & vrequire(c, root, "", "vocabularies");
	if (!ok || !vformat(c, root, "praxis_vocabulary"))
		return NULL;
	const struct ynode *all = ymap_get(root, "vocabularies");
	if (!vis_map(c, all, "vocabularies"))
		return NULL;
	struct template_vocab *out = arena_array(c->arena, all->n + 1, sizeof *out);
	for (size_t i = 0; i < all->n; i++) {
		const struct ynode *key = all->kids[2 * i];
		if (strncmp(key->str, "x-", 2) == 0)   /* room for other tools, as elsewhere */
			continue;
		vpath_key(p, "vocabularies", key->str);
		const char *id = vid(c, key, p, VID_TEMPLATE);
		if (id && vocab_parse(c, id, all->kids[2 * i + 1], p, &out[*count]))
			(*count)++;
	}
	return out;
}
