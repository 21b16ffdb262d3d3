/* test_digest.c — the SHA-256 of etl/digest.h: the hash of the bytes,
 * checked against GLib's implementation over blocks and their edges; the
 * file's identity, by which a reading tells it read the bytes hashed;
 * what cannot be hashed. */
#include "suites.h"
#include "../../etl/digest.h"
#include "../../etl/diag.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

START_TEST(the_hash_of_the_bytes)
{
	struct digest d;
	ck_assert(digest_file("data/header_only.csv", &d));
	/* printf 'matricule;date_entree;heures\n' | sha256sum */
	ck_assert_str_eq(d.hex, "967aaea1c15e958b9914b02156a1e7d84461905accbbe910d8f632a2333bff63");
	ck_assert(!d.changed);
	struct stat sb;
	ck_assert_int_eq(stat("data/header_only.csv", &sb), 0);
	ck_assert(digest_of(&d, &sb));
}
END_TEST

/* Files of 0 bytes, around the 128 KiB the file is read by, and of
 * several blocks, hashed as GLib hashes their bytes. */
START_TEST(files_of_any_length)
{
	static const size_t lengths[] = { 0, 1, 131071, 131072, 131073, 1000003 };
	size_t len = lengths[_i];
	char *bytes = g_malloc(len + 1);
	for (size_t i = 0; i < len; i++)
		bytes[i] = (char)(i * 7919 % 251);
	char *path;
	int fd = g_file_open_tmp("carnet-XXXXXX.csv", &path, NULL);
	ck_assert_int_ge(fd, 0);
	ck_assert(g_file_set_contents(path, bytes, (gssize)len, NULL));
	close(fd);
	char *want = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
	struct digest d;
	ck_assert(digest_file(path, &d));
	ck_assert_str_eq(d.hex, want);
	ck_assert_int_eq((int)d.file.st_size, (int)len);
	g_unlink(path);
	g_free(want);
	g_free(path);
	g_free(bytes);
}
END_TEST

/* A reading of another file, or of the same one changed since it was
 * hashed, is not of the bytes hashed. */
START_TEST(another_file_or_a_changed_one_is_not_the_one_hashed)
{
	struct digest d;
	ck_assert(digest_file("data/header_only.csv", &d));
	struct stat same = d.file, other = d.file, touched = d.file, longer = d.file;
	ck_assert(digest_of(&d, &same));
	other.st_ino++;
	ck_assert(!digest_of(&d, &other));
	touched.st_mtim.tv_nsec = (touched.st_mtim.tv_nsec + 1) % 1000000000;
	ck_assert(!digest_of(&d, &touched));
	longer.st_size++;
	ck_assert(!digest_of(&d, &longer));
	d.changed = true;       /* it changed while it was hashed */
	ck_assert(!digest_of(&d, &same));
}
END_TEST

START_TEST(what_cannot_be_hashed_says_why)
{
	struct digest d;
	ck_assert(!digest_file("data/no_such_file.csv", &d));
	ck_assert_str_eq(d.why, strerror(ENOENT));
	ck_assert(!digest_of(&d, &d.file));
	ck_assert(!digest_file("data", &d));
	ck_assert_str_eq(d.why, "is a folder, not a file");
	char *link = g_build_filename(g_get_tmp_dir(), "carnet-digest-link.csv", NULL);
	g_unlink(link);
	char *target = g_canonicalize_filename("data/header_only.csv", NULL);
	ck_assert_int_eq(symlink(target, link), 0);
	ck_assert(!digest_file(link, &d));
	ck_assert_str_eq(d.why, "is a symbolic link: put the file itself there");
	g_unlink(link);
	g_free(target);
	g_free(link);
}
END_TEST

/* The hash taken for a reading (the previous table's, an export's) when
 * it is of the bytes read; else one located error says why. */
START_TEST(a_hash_taken_or_refused_with_its_reason)
{
	static const char path[] = "data/header_only.csv";
	struct digest d;
	struct stat read;
	char hex[65] = "";
	struct diag diag = DIAG_INIT;
	ck_assert_int_eq(stat(path, &read), 0);
	ck_assert(digest_file(path, &d));
	ck_assert(digest_take(&d, path, &read, hex, &diag));
	ck_assert_str_eq(hex, d.hex);
	ck_assert_int_eq((int)diag.n, 0);
	read.st_size++;                 /* another file's, or one changed */
	ck_assert(!digest_take(&d, path, &read, hex, &diag));
	ck_assert(!digest_take(&d, path, NULL, hex, &diag));   /* not stat'ed */
	ck_assert(!digest_file("data/no_such_file.csv", &d));
	ck_assert(!digest_take(&d, "data/no_such_file.csv", &read, hex, &diag));
	ck_assert_int_eq((int)diag.errors, 3);
	ck_assert_str_eq(diag.v[0].file, path);
	ck_assert_str_eq(diag.v[0].msg, "changed while it was read: run again once it is written");
	ck_assert_str_eq(diag.v[1].msg, diag.v[0].msg);
	ck_assert_str_eq(diag.v[2].file, "data/no_such_file.csv");
	ck_assert(strstr(diag.v[2].msg, "cannot open: "));
	diag_release(&diag);
}
END_TEST

Suite *digest_suite(void)
{
	Suite *s = suite_create("digest");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, the_hash_of_the_bytes);
	tcase_add_loop_test(tc, files_of_any_length, 0, 6);
	tcase_add_test(tc, another_file_or_a_changed_one_is_not_the_one_hashed);
	tcase_add_test(tc, what_cannot_be_hashed_says_why);
	tcase_add_test(tc, a_hash_taken_or_refused_with_its_reason);
	suite_add_tcase(s, tc);
	return s;
}
