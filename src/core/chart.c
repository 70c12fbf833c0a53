/*
 * chart.c — bars and sparklines as text (see chart.h).
 *
 * Both are built from whole characters of one column each, so the
 * callers can lay them out by counting characters; the UTF-8 forms are
 * the Unicode block elements, which every terminal font praxis is likely
 * to meet draws one column wide.
 */
#include "praxis/chart.h"

#include "praxis/buf.h"

#include <math.h>

char *chart_bar(double value, double max, int width, bool utf8)
{
	static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	struct px_buf b = PX_BUF_INIT;
	if (max <= 0 || value <= 0 || width <= 0 || isnan(value) || isnan(max))
		return px_buf_detach(&b);
	double cells = value >= max ? width : value / max * width;
	int full = (int)cells;
	int part = full < width ? (int)((cells - full) * 8) : 0;
	if (full == 0 && part == 0)
		part = 1;   /* something, however small, shows */
	for (int i = 0; i < full; i++)
		px_buf_adds(&b, utf8 ? "█" : "#");
	if (part)
		px_buf_adds(&b, utf8 ? eighths[part] : full == 0 ? "#" : "");
	return px_buf_detach(&b);
}

char *chart_sparkline(const double *v, size_t n, double lo, double hi, bool blank_zero,
		      bool utf8)
{
	static const char *const blocks[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char ascii[] = "_.-=+*#@";
	struct px_buf b = PX_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (blank_zero && !(v[i] > 0)) {
			px_buf_addc(&b, ' ');
			continue;
		}
		long k;
		if (hi > lo)
			k = lround((v[i] - lo) / (hi - lo) * 7);
		else
			k = v[i] > 0 ? 7 : 0;
		k = k < 0 ? 0 : k > 7 ? 7 : k;
		if (utf8)
			px_buf_adds(&b, blocks[k]);
		else
			px_buf_addc(&b, ascii[k]);
	}
	return px_buf_detach(&b);
}

size_t chart_buckets(const int *counts, size_t n, size_t step, double *out, double *most)
{
	if (step < 1)
		step = 1;
	size_t buckets = (n + step - 1) / step;
	for (size_t i = 0; i < buckets; i++)
		out[i] = 0;
	for (size_t i = 0; i < n; i++)
		out[i / step] += counts[i];
	double hi = 0;
	for (size_t i = 0; i < buckets; i++)
		hi = out[i] > hi ? out[i] : hi;
	if (most)
		*most = hi;
	return buckets;
}
