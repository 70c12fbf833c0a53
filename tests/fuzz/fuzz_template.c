/*
 * fuzz_template.c — the YAML template loader and validator
 * (template_load_buffer, template_check_refs) and the substitutions a
 * loaded template's text goes through before it is shown (template_expand).
 *
 * template.h promises that no input crashes, hangs or leaks.  Checked as
 * well: a template that loads keeps the exact bytes it was given and their
 * SHA-256; every diagnostic formats as one line; and a prompt expanded
 * with hostile values (escape sequences, carriage returns) holds no
 * control character but newline and tab, since that text goes to the
 * terminal.  Vocabularies for `use:` come from the bundled set, loaded
 * once from prompts/ (the fuzzers run from the top of the tree).
 */
#include "fuzz.h"

#include "praxis/template.h"

static const char *hostile(void *ctx, const char *ns, const char *name)
{
	(void)ctx;
	(void)ns;
	return name[0] == 'x' ? NULL : "\x1b[31mred\x1b[0m\r\x9b" "2J";
}

static void check_shown(const char *text)
{
	if (!text)
		return;
	char *out = template_expand(text, hostile, NULL);
	for (const unsigned char *p = (const unsigned char *)out; *p; p++)
		FUZZ_CHECK(*p >= 0x20 || *p == '\n' || *p == '\t');
	FUZZ_CHECK(!strstr(out, "\xc2\x9b"));
	free(out);
}

static void check_template(const struct template *t, size_t size)
{
	size_t len = 0;
	FUZZ_CHECK(template_text(t, &len) && len == size);
	FUZZ_CHECK(strlen(template_hash(t)) == 64);
	FUZZ_CHECK(template_id(t)[0] && template_step_count(t) > 0);
	for (size_t i = 0; i < template_step_count(t); i++) {
		const struct template_step *st = template_step_at(t, i);
		FUZZ_CHECK(template_step_find(t, st->id) == (long)i);
		check_shown(st->title);
		check_shown(st->prompt);
		check_shown(st->guidance);
		check_shown(st->empty);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct template_set *bundled;
	if (!bundled) {
		const struct template_dir dirs[] = { { "prompts", TEMPLATE_SOURCE_BUNDLED } };
		bundled = template_set_load(dirs, 1, NULL);
	}
	struct template_diags *diags = template_diags_new();
	const struct template_load_opts opts = { bundled, TEMPLATE_SOURCE_USER, "fuzz.yaml" };
	struct template *t = template_load_buffer((const char *)data, size, "fuzz.yaml", &opts, diags);
	if (t) {
		check_template(t, size);
		template_check_refs(t, bundled, diags);
		template_free(t);
	} else {
		FUZZ_CHECK(template_diags_errors(diags) > 0);
	}
	for (size_t i = 0; i < template_diags_count(diags); i++) {
		char *line = template_diag_format(template_diags_get(diags, i));
		FUZZ_CHECK(line && !strchr(line, '\n'));
		free(line);
	}
	template_diags_free(diags);
	return 0;
}
