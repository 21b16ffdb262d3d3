/*
 * build.h — `carnet build`: the whole pipeline without make.
 *
 * The stages run one after the other into a staging folder of the
 * build's own (--out/.carnet-Y/next/); only when every one has succeeded
 * are their outputs moved into place (figures-Y.tsv, both workbooks, both
 * PDFs, web/, and the stages' files in .carnet-Y/).  A build that fails,
 * or is killed, leaves the last one as it was; the next build clears
 * what a killed one left in next/.
 */
#ifndef CARNET_BUILD_H
#define CARNET_BUILD_H

/* argv[0] is "build"; returns the exit status. */
int build_main(int argc, char **argv);

#endif
