// Package fileio writes output files so that no reader ever sees a
// partial file and no file is replaced unless asked, with as few system
// calls as the platform allows: a batch of small files is bound by the
// kernel's directory operations, not by converting.
//
// An output is written to a hidden temporary file in its own directory
// (".name.ext.capconv<pid>-<random>.tmp", created with O_EXCL and its final mode, so no
// chmod follows) and put in place in one step:
//
//   - replacing: rename(2);
//   - not replacing: on Linux renameat2(2) with RENAME_NOREPLACE, which
//     fails with EEXIST when the target exists, even one created a moment
//     before; where that is not supported (other systems, file systems
//     that answer EINVAL, kernels before 3.15), a hard link, which fails
//     the same way, then removing the temporary name; where hard links are
//     not supported either, check then rename.
//
// A directory is created only when creating the temporary file reports it
// missing, so the usual case costs no stat.
package fileio
