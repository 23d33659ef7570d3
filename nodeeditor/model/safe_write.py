"""Replace a file's bytes so that the file on disk is always the old one or the new one, whole.

The new bytes go to a temporary file in the same folder, are flushed to the disk, and only
then take the file's name with one rename (and the folder is flushed too, so the rename
survives a power cut). The temporary file can never be someone else's: on Linux it has no
name at all until it is complete (``O_TMPFILE``), so a killed save leaves nothing behind; a
name it then takes, like the temporary file's name elsewhere, is random and short and is
created only if nothing (not even a planted symlink) has it yet (``O_EXCL``), so two saves
to one file never meet. The file keeps its mode (and owner, where allowed); a symlink keeps
pointing at the file, which is what changes.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import suppress

_BINARY = getattr(os, "O_BINARY", 0)  # Windows would turn "\n" into "\r\n"
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_TMPFILE = getattr(os, "O_TMPFILE", 0)
_NO_TMPFILE = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL}  # a file system (or kernel) without it
_TRIES = 100


class NotRegularFileError(OSError):
    """The name belongs to something other than a regular file (a device, a pipe); ``kind`` says
    what, and it is left alone."""

    def __init__(self, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file but {kind}")
        self.kind = kind


def file_kind(mode: int) -> str:
    """What a non-regular file is, as ``fifo``, ``device``, ``socket`` or ``special``."""
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "socket" if stat.S_ISSOCK(mode) else "special"


def write_file(path: str | os.PathLike, data: bytes) -> None:
    """Give the file ``path`` the bytes ``data``, all at once or not at all (OSError then, and the
    file is as it was, with no temporary file left)."""
    target = _target(path)
    folder = os.path.dirname(target)
    old = _existing(target)
    fd, temp = _open_temp(folder)
    try:
        _keep_mode(fd, old)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)  # the bytes are on the disk before the name points at them
        if temp is None:
            temp = _give_name(fd, folder)
        os.replace(temp, target)
        temp = None
    finally:
        os.close(fd)
        if temp is not None:
            with suppress(OSError):
                os.unlink(temp)
    _flush_folder(folder)


def _target(path: str | os.PathLike) -> str:
    """The real file to replace: a symlink's target, not the link."""
    name = os.fsdecode(path)
    if name.endswith(("/", os.sep)):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    return os.path.realpath(name)


def _existing(target: str) -> os.stat_result | None:
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFileError(file_kind(st.st_mode))
    if not os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        code = errno.EROFS if _on_read_only_disk(target) else errno.EACCES  # a read-only file says "keep me"
        raise OSError(code, os.strerror(code))
    return st


def _on_read_only_disk(path: str) -> bool:
    return hasattr(os, "statvfs") and bool(os.statvfs(path).f_flag & os.ST_RDONLY)


def _open_temp(folder: str) -> tuple[int, str | None]:
    """A new file for writing in ``folder`` and its name (None: it has none yet)."""
    if _TMPFILE and os.path.isdir("/proc/self/fd"):  # the name is given through /proc
        try:
            return os.open(folder, _TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o600), None
        except OSError as exc:
            if exc.errno not in _NO_TMPFILE:
                raise
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW | _BINARY | getattr(os, "O_CLOEXEC", 0)
    for name in _temp_names(folder):
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name")


def _give_name(fd: int, folder: str) -> str:
    """Link the nameless file into ``folder`` under a new random name."""
    folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for name in _temp_names(folder):
            try:  # linkat with AT_SYMLINK_FOLLOW (Python asks for it only with a dir_fd)
                os.link(f"/proc/self/fd/{fd}", os.path.basename(name), dst_dir_fd=folder_fd)
                return name
            except FileExistsError:
                continue
    finally:
        os.close(folder_fd)
    raise FileExistsError(errno.EEXIST, "no free temporary name")


def _temp_names(folder: str) -> Iterator[str]:
    """Random names, short enough beside any file name the folder allows."""
    for _ in range(_TRIES):
        yield os.path.join(folder, f".{secrets.token_hex(6)}.tmp")


def _keep_mode(fd: int, old: os.stat_result | None) -> None:
    if not hasattr(os, "fchmod"):  # Windows: only a read-only flag, and the file has none
        return
    if old is None:
        with suppress(OSError):
            os.fchmod(fd, 0o666 & ~_umask())  # as a plain new file would be
        return
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != _owner(fd):
        with suppress(OSError):  # only root may give a file away; the mode still stays
            os.fchown(fd, old.st_uid, old.st_gid)
    with suppress(OSError):  # a FAT stick has no modes: the file is saved all the same
        os.fchmod(fd, stat.S_IMODE(old.st_mode))


def _owner(fd: int) -> tuple[int, int]:
    st = os.fstat(fd)
    return st.st_uid, st.st_gid


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def _flush_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); a system that cannot flush a folder has saved anyway."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
