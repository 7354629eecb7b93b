#include "mnas_torch.h"

#include <atomic>
#include <string>

namespace {
thread_local std::string last_error;
std::atomic<int64_t> live_handles{0};
}  // namespace

namespace mnas {

void set_error(const char* message) { last_error = message ? message : "unknown libtorch error"; }
void clear_error() { last_error.clear(); }

TensorHandle new_handle(at::Tensor tensor) {
    auto* handle = new at::Tensor(std::move(tensor));
    live_handles.fetch_add(1, std::memory_order_relaxed);
    return handle;
}

at::IntArrayRef dims(const int64_t* values, int count) { return at::IntArrayRef(values, static_cast<size_t>(count)); }

}  // namespace mnas

MNAS_API const char* mnas_last_error() { return last_error.empty() ? nullptr : last_error.c_str(); }

MNAS_API void mnas_clear_error() { mnas::clear_error(); }

MNAS_API void mnas_tensor_free(TensorHandle t) {
    if (!t) return;
    delete t;
    live_handles.fetch_sub(1, std::memory_order_relaxed);
}

MNAS_API int64_t mnas_live_handles() { return live_handles.load(std::memory_order_relaxed); }
