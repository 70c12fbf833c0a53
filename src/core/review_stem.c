/*
 * review_stem.c — Porter's stemming algorithm (Porter 1980, "An algorithm
 * for suffix stripping"), so the review counts "delegate", "delegated",
 * "delegating" and "delegation" as one word, and the English stop words it
 * leaves out.
 *
 * The algorithm works on lower-case ASCII; words with other letters are
 * left as they are (the caller does not stem them).  The code follows the
 * paper's steps one function each, on a buffer B[0..K] with J marking the
 * end of the stem a rule looks at.
 */
#include "review_impl.h"

#include <stdlib.h>
#include <string.h>

struct stem {
	char *b;
	int k;        /* index of the last letter */
	int j;        /* end of the stem being tested */
};

static bool cons(const struct stem *z, int i)
{
	switch (z->b[i]) {
	case 'a': case 'e': case 'i': case 'o': case 'u':
		return false;
	case 'y':
		return i == 0 ? true : !cons(z, i - 1);
	default:
		return true;
	}
}

/* m(): the number of consonant-vowel sequences in b[0..j]. */
static int measure(const struct stem *z)
{
	int n = 0, i = 0;
	for (;;) {
		if (i > z->j)
			return n;
		if (!cons(z, i))
			break;
		i++;
	}
	i++;
	for (;;) {
		for (;;) {
			if (i > z->j)
				return n;
			if (cons(z, i))
				break;
			i++;
		}
		i++;
		n++;
		for (;;) {
			if (i > z->j)
				return n;
			if (!cons(z, i))
				break;
			i++;
		}
		i++;
	}
}

static bool vowel_in_stem(const struct stem *z)
{
	for (int i = 0; i <= z->j; i++)
		if (!cons(z, i))
			return true;
	return false;
}

static bool double_cons(const struct stem *z, int j)
{
	return j >= 1 && z->b[j] == z->b[j - 1] && cons(z, j);
}

/* cvc(i): consonant-vowel-consonant ending at i, the last not w, x or y. */
static bool cvc(const struct stem *z, int i)
{
	if (i < 2 || !cons(z, i) || cons(z, i - 1) || !cons(z, i - 2))
		return false;
	char ch = z->b[i];
	return ch != 'w' && ch != 'x' && ch != 'y';
}

static bool ends(struct stem *z, const char *s)
{
	int len = (int)strlen(s);
	if (len > z->k + 1 || memcmp(z->b + z->k - len + 1, s, (size_t)len) != 0)
		return false;
	z->j = z->k - len;
	return true;
}

static void set_to(struct stem *z, const char *s)
{
	int len = (int)strlen(s);
	memcpy(z->b + z->j + 1, s, (size_t)len);
	z->k = z->j + len;
}

static void replace_if_m(struct stem *z, const char *s)
{
	if (measure(z) > 0)
		set_to(z, s);
}

static void step1ab(struct stem *z)
{
	if (z->b[z->k] == 's') {
		if (ends(z, "sses"))
			z->k -= 2;
		else if (ends(z, "ies"))
			set_to(z, "i");
		else if (z->k >= 1 && z->b[z->k - 1] != 's')
			z->k--;
	}
	if (ends(z, "eed")) {
		if (measure(z) > 0)
			z->k--;
	} else if ((ends(z, "ed") || ends(z, "ing")) && vowel_in_stem(z)) {
		z->k = z->j;
		if (ends(z, "at"))
			set_to(z, "ate");
		else if (ends(z, "bl"))
			set_to(z, "ble");
		else if (ends(z, "iz"))
			set_to(z, "ize");
		else if (double_cons(z, z->k)) {
			char ch = z->b[z->k];
			if (ch != 'l' && ch != 's' && ch != 'z')
				z->k--;
		} else {
			z->j = z->k;
			if (measure(z) == 1 && cvc(z, z->k))
				set_to(z, "e");
		}
	}
}

static void step1c(struct stem *z)
{
	if (ends(z, "y") && vowel_in_stem(z))
		z->b[z->k] = 'i';
}

struct rule {
	const char *from, *to;
};

/* Apply the first rule of RULES whose suffix matches, when m() > 0. */
static void apply_rules(struct stem *z, const struct rule *rules, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ends(z, rules[i].from)) {
			replace_if_m(z, rules[i].to);
			return;
		}
}

static void step2(struct stem *z)
{
	static const struct rule rules[] = {
		{ "ational", "ate" }, { "tional", "tion" }, { "enci", "ence" }, { "anci", "ance" },
		{ "izer", "ize" },    { "bli", "ble" },     { "alli", "al" },    { "entli", "ent" },
		{ "eli", "e" },       { "ousli", "ous" },   { "ization", "ize" }, { "ation", "ate" },
		{ "ator", "ate" },    { "alism", "al" },    { "iveness", "ive" }, { "fulness", "ful" },
		{ "ousness", "ous" }, { "aliti", "al" },    { "iviti", "ive" },  { "biliti", "ble" },
		{ "logi", "log" },
	};
	if (z->k >= 1)
		apply_rules(z, rules, sizeof rules / sizeof rules[0]);
}

static void step3(struct stem *z)
{
	static const struct rule rules[] = {
		{ "icate", "ic" }, { "ative", "" }, { "alize", "al" }, { "iciti", "ic" },
		{ "ical", "ic" },  { "ful", "" },   { "ness", "" },
	};
	apply_rules(z, rules, sizeof rules / sizeof rules[0]);
}

static void step4(struct stem *z)
{
	static const char *const suffixes[] = {
		"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
		"ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
	};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		if (!ends(z, suffixes[i]))
			continue;
		if (strcmp(suffixes[i], "ion") == 0 &&
		    !(z->j >= 0 && (z->b[z->j] == 's' || z->b[z->j] == 't')))
			return;
		if (measure(z) > 1)
			z->k = z->j;
		return;
	}
}

static void step5(struct stem *z)
{
	z->j = z->k;
	if (z->b[z->k] == 'e') {
		int m = measure(z);
		if (m > 1 || (m == 1 && !cvc(z, z->k - 1)))
			z->k--;
	}
	if (z->b[z->k] == 'l' && double_cons(z, z->k)) {
		z->j = z->k;
		if (measure(z) > 1)
			z->k--;
	}
}

size_t porter_stem(char *word, size_t len)
{
	if (len <= 2)
		return len;
	struct stem z = { word, (int)len - 1, 0 };
	step1ab(&z);
	if (z.k > 0) {
		step1c(&z);
		step2(&z);
		step3(&z);
		step4(&z);
		step5(&z);
	}
	return (size_t)z.k + 1;
}

/* ---- stop words --------------------------------------------------------------- */

static const char *const stop_words[] = {
	"able", "about", "above", "actually", "after", "afternoon", "again", "against", "all",
	"almost", "already", "also", "although", "always", "am", "an", "and", "another", "any",
	"anyone", "anything", "are", "aren't", "around", "as", "ask", "asked", "asking", "at",
	"back", "bad", "be", "because", "been", "before", "being", "below", "best", "better",
	"between", "big", "bit", "both", "but", "by", "came", "can", "can't", "cannot", "come",
	"could", "couldn't", "day", "days", "did", "didn't", "do", "does", "doesn't", "doing",
	"don't", "done", "down", "during", "each", "else", "end", "ended", "enough", "even",
	"evening", "ever", "every", "everyone", "everything", "feel", "feeling", "felt", "few",
	"find", "first", "for", "found", "from", "further", "gave", "get", "getting", "give",
	"given", "goes", "going", "gone", "good", "got", "great", "had", "hadn't", "has",
	"hasn't", "have", "haven't", "having", "he", "her", "here", "hers", "herself", "him",
	"himself", "his", "how", "however", "i'd", "i'll", "i'm", "i've", "if", "in",
	"instead", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "keep",
	"kept", "kind", "knew", "know", "known", "last", "least", "less", "let", "like",
	"little", "long", "look", "looked", "looking", "lot", "lots", "made", "make", "many",
	"may", "maybe", "me", "mean", "means", "meant", "might", "mine", "month", "months",
	"more", "morning", "most", "much", "must", "my", "myself", "need", "needed", "needs",
	"never", "new", "next", "night", "no", "nor", "not", "nothing", "now", "of", "off",
	"often", "ok", "okay", "old", "on", "once", "one", "only", "or", "other", "others",
	"our", "ours", "ourselves", "out", "over", "own", "perhaps", "probably", "put",
	"quite", "rather", "really", "reason", "right", "said", "same", "say", "saying",
	"says", "second", "see", "seem", "seemed", "seems", "she", "should", "shouldn't",
	"since", "small", "so", "some", "somebody", "someone", "something", "sort", "start",
	"started", "still", "such", "sure", "take", "taken", "tell", "telling", "than", "that",
	"that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's",
	"these", "they", "they're", "thing", "things", "think", "thinking", "third", "this",
	"those", "though", "thought", "through", "time", "to", "today", "told", "tomorrow",
	"tonight", "too", "took", "tried", "try", "trying", "under", "until", "up", "upon",
	"us", "use", "used", "using", "very", "want", "wanted", "wants", "was", "wasn't",
	"way", "we", "we're", "week", "weeks", "well", "went", "were", "weren't", "what",
	"when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with",
	"without", "won't", "worse", "worst", "would", "wouldn't", "wrong", "year", "years",
	"yes", "yesterday", "yet", "you", "your", "yours", "yourself",
};

static int cmp_word(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool review_stop_word(const char *word, size_t len)
{
	char buf[16];
	if (len >= sizeof buf)
		return false;
	memcpy(buf, word, len);
	buf[len] = '\0';
	return bsearch(buf, stop_words, sizeof stop_words / sizeof stop_words[0],
		       sizeof stop_words[0], cmp_word) != NULL;
}
