#include "mnas_torch.h"

using mnas::guard_status;

MNAS_API int mnas_requires_grad(TensorHandle t) { return t->requires_grad() ? 1 : 0; }
MNAS_API int mnas_is_leaf(TensorHandle t) { return t->is_leaf() ? 1 : 0; }

MNAS_API int mnas_set_requires_grad(TensorHandle t, int requires_grad) {
    return guard_status([&] { t->requires_grad_(requires_grad != 0); });
}

// Writes a new handle to the gradient, or null when the tensor has none yet.
MNAS_API int mnas_grad(TensorHandle t, TensorHandle* out) {
    return guard_status([&] {
        const auto& grad = t->grad();
        *out = grad.defined() ? mnas::new_handle(grad) : nullptr;
    });
}

MNAS_API int mnas_clear_grad(TensorHandle t) {
    return guard_status([&] { t->mutable_grad().reset(); });
}

MNAS_API int mnas_backward(TensorHandle t, TensorHandle gradient, int retain_graph) {
    return guard_status([&] {
        c10::optional<bool> retain = retain_graph ? c10::optional<bool>(true) : c10::nullopt;
        t->backward(gradient ? *gradient : at::Tensor(), retain);
    });
}

MNAS_API int mnas_set_grad_enabled(int enabled) {
    bool previous = at::GradMode::is_enabled();
    at::GradMode::set_enabled(enabled != 0);
    return previous ? 1 : 0;
}

MNAS_API int mnas_is_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }
