/*
 * template_text.c — substitutions (§4.6): `{{namespace.name}}` in titles,
 * prompts, guidance and `empty` texts.  Checked at load time against the
 * namespaces the template's role allows and the steps before the one that
 * asks; expanded at run time through a lookup the engine supplies.
 *
 * Values are inserted as plain text and never scanned again, so an answer
 * that contains "{{answer.x}}" stays literally that.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "praxis/buf.h"
#include "template_impl.h"

#define NS_MAX 16
#define NAME_MAX_LEN 80

struct subst {
	const char *open;     /* the "{{" */
	const char *close;    /* just past the "}}", NULL when unclosed */
	char ns[NS_MAX];
	char name[NAME_MAX_LEN];
	bool well_formed;     /* namespace.name with sane characters */
};

static bool name_char(char ch)
{
	return islower((unsigned char)ch) || isdigit((unsigned char)ch) || ch == '_' ||
	       ch == '-' || ch == '.';
}

/* Split "ns.name" (trimmed) into P; false when it is not of that shape. */
static bool split_inner(const char *s, size_t len, struct subst *p)
{
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	const char *dot = memchr(s, '.', len);
	if (!dot || dot == s || (size_t)(dot - s) >= NS_MAX)
		return false;
	size_t ns_len = (size_t)(dot - s), name_len = len - ns_len - 1;
	if (name_len == 0 || name_len >= NAME_MAX_LEN)
		return false;
	for (size_t i = 0; i < ns_len; i++)
		if (!islower((unsigned char)s[i]))
			return false;
	for (size_t i = 0; i < name_len; i++)
		if (!name_char(dot[1 + i]))
			return false;
	memcpy(p->ns, s, ns_len);
	p->ns[ns_len] = '\0';
	memcpy(p->name, dot + 1, name_len);
	p->name[name_len] = '\0';
	return true;
}

/* The first "CC" at or after S, or NULL.  A plain scan rather than strstr:
 * sanitizer builds measure the whole haystack on every strstr call, which
 * would make a prompt full of "{{" quadratic. */
static const char *find_pair(const char *s, char ch)
{
	for (; *s; s++)
		if (s[0] == ch && s[1] == ch)
			return s;
	return NULL;
}

/* The next substitution at or after S; false when there is none. */
static bool next_subst(const char *s, struct subst *p)
{
	memset(p, 0, sizeof *p);
	p->open = find_pair(s, '{');
	if (!p->open)
		return false;
	const char *end = find_pair(p->open + 2, '}');
	if (!end)
		return true;
	p->close = end + 2;
	p->well_formed = split_inner(p->open + 2, (size_t)(end - p->open - 2), p);
	return true;
}

static bool name_in(const char *name, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

/* A fixed-name namespace: NAME is one of NAMES, and ROLE (if not -1) holds. */
static void check_fixed(struct vctx *c, struct template *t, const struct subst *p,
			const struct ynode *at, const char *path, const char *lead,
			const char *const *names, size_t n, int role)
{
	char show[80], sug[128];
	if (!name_in(p->name, names, n)) {
		verror(c, at, path, "%s'%s' is not a %s value%s", lead, vshow(p->name, show), p->ns,
		       vsuggest(p->name, names, n, sug));
	} else if (role >= 0 && t->role != (enum template_role)role) {
		verror(c, at, path, "%s%s values exist only in %s templates (this one's role is %s)",
		       lead, p->ns, template_role_name((enum template_role)role),
		       template_role_name(t->role));
	}
}

static void check_one(struct vctx *c, struct template *t, size_t self,
		      const struct subst *p, const struct ynode *at, const char *path)
{
	static const char *const namespaces[] = { "answer", "action", "inquiry", "period", "fact" };
	static const char *const action[] = { "text", "due", "planned_on" };
	static const char *const inquiry[] = { "question" };
	static const char *const period[] = { "label", "from", "to" };
	char lead[160], sug[128];
	snprintf(lead, sizeof lead, "'{{%s.%.40s}}': ", p->ns, p->name);
	if (strcmp(p->ns, "answer") == 0)
		ref_earlier_step(c, t, self, p->name, at, path, lead);
	else if (strcmp(p->ns, "action") == 0)
		check_fixed(c, t, p, at, path, lead, action, 3, TEMPLATE_ROLE_FOLLOW_UP);
	else if (strcmp(p->ns, "inquiry") == 0)
		check_fixed(c, t, p, at, path, lead, inquiry, 1, -1);
	else if (strcmp(p->ns, "period") == 0)
		check_fixed(c, t, p, at, path, lead, period, 3, TEMPLATE_ROLE_REVIEW);
	else if (strcmp(p->ns, "fact") == 0)
		ref_fact(c, t, self, p->name, at, path, lead);
	else
		verror(c, at, path, "%sunknown namespace '%s' (answer, action, inquiry, period or "
		       "fact)%s", lead, p->ns, vsuggest(p->ns, namespaces, 5, sug));
}

void text_check(struct vctx *c, struct template *t, size_t self, const struct ynode *n,
		const char *path)
{
	char show[80];
	if (!n || n->kind != YNODE_SCALAR)
		return;
	struct subst p;
	for (const char *s = n->str; next_subst(s, &p); s = p.close) {
		if (!p.close) {
			verror(c, n, path, "'{{' is not closed with '}}'");
			return;
		}
		if (!p.well_formed) {
			char inner[64];
			size_t len = (size_t)(p.close - p.open);
			snprintf(inner, sizeof inner, "%.*s", len < 60 ? (int)len : 60, p.open);
			verror(c, n, path, "'%s' is not of the form {{namespace.name}}",
			       vshow(inner, show));
			continue;
		}
		check_one(c, t, self, &p, n, path);
	}
}

/* Append V with control characters (other than tab and newline) replaced. */
static void add_plain(struct px_buf *b, const char *v)
{
	for (; *v; v++) {
		unsigned char ch = (unsigned char)*v;
		if ((ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0x7f)
			px_buf_adds(b, "\xEF\xBF\xBD");
		else if (ch == 0xC2 && (unsigned char)v[1] >= 0x80 && (unsigned char)v[1] <= 0x9F) {
			px_buf_adds(b, "\xEF\xBF\xBD");
			v++;
		} else
			px_buf_addc(b, (char)ch);
	}
}

char *template_expand(const char *text, template_lookup_fn lookup, void *ctx)
{
	struct px_buf b = PX_BUF_INIT;
	struct subst p;
	const char *s = text;
	while (next_subst(s, &p) && p.close) {
		if (!p.well_formed) {
			px_buf_add(&b, s, (size_t)(p.open + 2 - s));
			s = p.open + 2;
			continue;
		}
		px_buf_add(&b, s, (size_t)(p.open - s));
		const char *v = lookup ? lookup(ctx, p.ns, p.name) : NULL;
		add_plain(&b, v ? v : "\xE2\x80\x94");
		s = p.close;
	}
	px_buf_adds(&b, s);
	return px_buf_detach(&b);
}
