//! Reading a memory-mapped file that may shrink while it is read.
//!
//! A page of a map that lies past the end of its file (the file was
//! truncated after it was mapped) cannot be read: the kernel sends SIGBUS,
//! which ends the process. While a `Guard` is alive, a SIGBUS inside its
//! map is answered instead by mapping a page of zeros over the faulting page
//! and noting it; the read goes on (the walk then meets NUL bytes, which no
//! JSON allows) and the scan ends with an error that says the file changed.
//! A SIGBUS anywhere else goes to the handler that was there before.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

const SLOTS: usize = 64;
/// si_code of a SIGBUS for an address with no backing page (past the end of the file).
const BUS_ADRERR: libc::c_int = 2;

static STARTS: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];
static ENDS: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];
static FAULTS: [AtomicBool; SLOTS] = [const { AtomicBool::new(false) }; SLOTS];
static USED: [AtomicBool; SLOTS] = [const { AtomicBool::new(false) }; SLOTS];
static PAGE: AtomicUsize = AtomicUsize::new(4096);
/// The handler found when ours was installed (kept for signals that are not ours).
static PREVIOUS: OnceLock<Mutex<Option<libc::sigaction>>> = OnceLock::new();
/// A copy of `PREVIOUS` the signal handler can read without a lock.
static PREVIOUS_ACTION: AtomicUsize = AtomicUsize::new(libc::SIG_DFL);
static PREVIOUS_FLAGS: AtomicUsize = AtomicUsize::new(0);

/// A map watched for SIGBUS while the guard lives.
pub struct Guard {
    slot: Option<usize>,
}

impl Guard {
    /// Watch `len` bytes from `start`. Without a free slot (64 maps read at
    /// once) the map is read unwatched, as before.
    pub fn new(start: usize, len: usize) -> Guard {
        install();
        for slot in 0..SLOTS {
            if USED[slot]
                .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                FAULTS[slot].store(false, Ordering::Release);
                ENDS[slot].store(start + len, Ordering::Release);
                STARTS[slot].store(start, Ordering::Release);
                return Guard { slot: Some(slot) };
            }
        }
        Guard { slot: None }
    }

    /// Whether some page of the map lay past the end of the file.
    pub fn faulted(&self) -> bool {
        self.slot
            .is_some_and(|slot| FAULTS[slot].load(Ordering::Acquire))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(slot) = self.slot {
            STARTS[slot].store(0, Ordering::Release);
            ENDS[slot].store(0, Ordering::Release);
            USED[slot].store(false, Ordering::Release);
        }
    }
}

/// Put our handler in place, unless it is there already (another library
/// may have put its own over it since: then ours goes on top again).
fn install() {
    let lock = PREVIOUS.get_or_init(|| Mutex::new(None));
    let Ok(mut previous) = lock.lock() else {
        return;
    };
    // SAFETY: sigaction with a zeroed struct to read, and a handler that only
    // does async-signal-safe work (atomics, mmap, sigaction).
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGBUS, std::ptr::null(), &mut current) != 0 {
            return;
        }
        if current.sa_sigaction == on_bus as *const () as usize {
            return;
        }
        let size = libc::sysconf(libc::_SC_PAGESIZE);
        if size > 0 {
            PAGE.store(size as usize, Ordering::Relaxed);
        }
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_bus as *const () as usize;
        action.sa_flags = libc::SA_SIGINFO | libc::SA_NODEFER;
        libc::sigemptyset(&mut action.sa_mask);
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGBUS, &action, &mut old) == 0 {
            PREVIOUS_ACTION.store(old.sa_sigaction, Ordering::Release);
            PREVIOUS_FLAGS.store(old.sa_flags as usize, Ordering::Release);
            *previous = Some(old);
        }
    }
}

extern "C" fn on_bus(signal: libc::c_int, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
    // SAFETY: the kernel hands a valid siginfo_t to an SA_SIGINFO handler.
    let (code, address) = unsafe { ((*info).si_code, (*info).si_addr() as usize) };
    if code == BUS_ADRERR {
        for slot in 0..SLOTS {
            let start = STARTS[slot].load(Ordering::Acquire);
            if start != 0 && address >= start && address < ENDS[slot].load(Ordering::Acquire) {
                let page = PAGE.load(Ordering::Relaxed);
                let base = address & !(page - 1);
                // SAFETY: replaces one page inside a map this module owns with zeros
                let mapped = unsafe {
                    libc::mmap(
                        base as *mut libc::c_void,
                        page,
                        libc::PROT_READ,
                        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED,
                        -1,
                        0,
                    )
                };
                if mapped != libc::MAP_FAILED {
                    FAULTS[slot].store(true, Ordering::Release);
                    return;
                }
            }
        }
    }
    let previous = PREVIOUS_ACTION.load(Ordering::Acquire);
    if previous == libc::SIG_DFL || previous == libc::SIG_IGN {
        // SAFETY: back to the default action; the fault repeats when this
        // handler returns, and ends the process as it would have without us.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = libc::SIG_DFL;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
        }
        return;
    }
    let flags = PREVIOUS_FLAGS.load(Ordering::Acquire) as libc::c_int;
    // SAFETY: the previous handler, called as it was installed to be called.
    unsafe {
        if flags & libc::SA_SIGINFO != 0 {
            let handler: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                std::mem::transmute(previous);
            handler(signal, info, context);
        } else {
            let handler: extern "C" fn(libc::c_int) = std::mem::transmute(previous);
            handler(signal);
        }
    }
}
