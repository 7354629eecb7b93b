// The C ABI of the Mnas engine shim. Every function catches libtorch's exceptions: a function
// that returns a handle returns null on failure, one that returns int returns -1; the message is
// then available from mnas_last_error() on the same thread.
#pragma once

#include <torch/torch.h>

#include <cstdint>

#define MNAS_API extern "C" __attribute__((visibility("default")))

using TensorHandle = at::Tensor*;

namespace mnas {

void set_error(const char* message);
void clear_error();
TensorHandle new_handle(at::Tensor tensor);
at::IntArrayRef dims(const int64_t* values, int count);

template <typename F>
TensorHandle guard(F&& body) {
    try {
        return new_handle(body());
    } catch (const c10::Error& e) {
        set_error(e.what_without_backtrace());
    } catch (const std::exception& e) {
        set_error(e.what());
    }
    return nullptr;
}

template <typename F>
int guard_status(F&& body) {
    try {
        body();
        return 0;
    } catch (const c10::Error& e) {
        set_error(e.what_without_backtrace());
    } catch (const std::exception& e) {
        set_error(e.what());
    }
    return -1;
}

inline c10::optional<at::Tensor> optional_tensor(TensorHandle t) {
    return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}

}  // namespace mnas
