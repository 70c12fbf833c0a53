#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "praxis/buf.h"
#include "praxis/error.h"
static void t(void **s){(void)s; struct px_buf b=PX_BUF_INIT; px_buf_addf(&b,"%d-%s",4,"x"); assert_string_equal(b.data,"4-x"); px_buf_free(&b);}
int main(void){const struct CMUnitTest ts[]={cmocka_unit_test(t)}; return cmocka_run_group_tests(ts,NULL,NULL);}
