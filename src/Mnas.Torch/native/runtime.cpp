#include "mnas_torch.h"

#include <malloc.h>

MNAS_API void mnas_set_num_threads(int threads) { at::set_num_threads(threads); }
MNAS_API int mnas_get_num_threads() { return at::get_num_threads(); }
MNAS_API void mnas_manual_seed(uint64_t seed) { torch::manual_seed(seed); }
MNAS_API int mnas_cuda_is_available() { return torch::cuda::is_available() ? 1 : 0; }
MNAS_API int mnas_cuda_device_count() { return static_cast<int>(torch::cuda::device_count()); }

// Keeps freed memory inside the process: large tensors otherwise come from fresh mmap'd pages
// on every allocation, and the page faults dominate training time on small machines.
MNAS_API int mnas_tune_allocator(int mmap_max, int64_t trim_threshold) {
    int ok = mallopt(M_MMAP_MAX, mmap_max);
    ok &= mallopt(M_TRIM_THRESHOLD, static_cast<int>(std::min<int64_t>(trim_threshold, INT32_MAX)));
    return ok ? 0 : -1;
}

MNAS_API int mnas_version(char* buffer, int length) {
    return mnas::guard_status([&] { snprintf(buffer, static_cast<size_t>(length), "%s", TORCH_VERSION); });
}
