/*
 * folder.h — folders written whole (a web edition, a new layout): made
 * under a temporary name beside their place, then put in it at once, so
 * that a reader never finds one half written.
 */
#ifndef CARNET_FOLDER_H
#define CARNET_FOLDER_H

/* path without its trailing slashes ("web/" names the folder web), so
 * that a temporary twin goes beside it, not inside (a new string). */
char *folder_path(const char *path);

/* Removes path and all under it; links are removed, not followed. */
void folder_remove(const char *path);

/* Puts the finished folder tmp in dir's place: exchanged with dir when
 * there is one (renameat2), the old one then removed, so that dir is
 * never missing; renamed otherwise.  Returns 0, or -1 with errno. */
int folder_put(const char *tmp, const char *dir);

#endif
