package fileio

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// renameNoReplace renames old to new unless new exists, in one system
// call (a variable so tests can take the fallback). It returns
// errUnsupported where the kernel (before 3.15) or the file system
// (EINVAL) cannot.
var renameNoReplace = renameat2

func renameat2(old, new string) error {
	err := unix.Renameat2(unix.AT_FDCWD, old, unix.AT_FDCWD, new, unix.RENAME_NOREPLACE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) {
		return errUnsupported
	}
	if err != nil {
		return &os.LinkError{Op: "rename", Old: old, New: new, Err: err}
	}
	return nil
}

// createNew creates path, which must not exist, for writing. Calling
// open(2) directly spares the five fcntl and epoll_ctl calls os.OpenFile
// spends on every file to try the runtime's poller, which regular files
// never use.
func createNew(path string) (newFile, error) {
	fd, err := unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, Mode)
	for errors.Is(err, unix.EINTR) {
		fd, err = unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, Mode)
	}
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return rawFile(fd), nil
}

// rawFile is a file descriptor written with write(2).
type rawFile int

// writeChunk is the most one write(2) is given. The kernel holds the
// file's inode lock for a whole write, and removing the file waits for
// it: in chunks, Abandon removes a temporary file while 200 MB are being
// written to it in a millisecond rather than most of a second.
const writeChunk = 1 << 20

func (f rawFile) Write(data []byte) (int, error) {
	var err error
	done := 0
	for len(data) > 0 && err == nil {
		var n int
		n, err = unix.Write(int(f), data[:min(len(data), writeChunk)])
		if errors.Is(err, unix.EINTR) {
			err = nil
		}
		done += max(n, 0)
		data = data[max(n, 0):]
	}
	return done, err
}

func (f rawFile) Close() error { return unix.Close(int(f)) }

// ReadFile reads the whole file at path, sized from fstat(2), without the
// poller calls of os.ReadFile, and fails with ErrTooLarge past max bytes
// (a file that says it is larger is not read at all; /dev/zero, which says
// nothing, is read up to max).
func ReadFile(path string, max int64) ([]byte, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	for errors.Is(err, unix.EINTR) {
		fd, err = unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	}
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Size > max {
		return nil, ErrTooLarge
	}
	data := make([]byte, 0, st.Size+1) // +1: EOF is seen without growing
	for {
		n, err := unix.Read(fd, data[len(data):cap(data)])
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
		if int64(len(data)) > max {
			return nil, ErrTooLarge
		}
		if len(data) == cap(data) {
			data = Grow(data, max)
		}
	}
}
