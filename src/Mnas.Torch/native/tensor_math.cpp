#include "mnas_torch.h"

using mnas::dims;
using mnas::guard;
using mnas::guard_status;

// Operation codes; the managed enums UnaryOp and BinaryOp mirror them.
namespace {
enum Unary { Neg, Abs, Exp, Log, Sqrt, Relu, Relu6, Hardswish, Sigmoid, Tanh, Hardsigmoid, Silu, Square };
enum Binary { Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Lt, Le, Gt, Ge };

// An integral tensor takes a whole-valued scalar as an integer, so `count.add_(1)` works on int64.
at::Scalar scalar_for(const at::Tensor& t, double value) {
    if (at::isIntegralType(t.scalar_type(), true) && value == static_cast<double>(static_cast<int64_t>(value)))
        return at::Scalar(static_cast<int64_t>(value));
    return at::Scalar(value);
}

at::Tensor unary(const at::Tensor& x, int op) {
    switch (op) {
        case Neg: return at::neg(x);
        case Abs: return at::abs(x);
        case Exp: return at::exp(x);
        case Log: return at::log(x);
        case Sqrt: return at::sqrt(x);
        case Relu: return at::relu(x);
        case Relu6: return at::hardtanh(x, 0.0, 6.0);
        case Hardswish: return at::hardswish(x);
        case Sigmoid: return at::sigmoid(x);
        case Tanh: return at::tanh(x);
        case Hardsigmoid: return at::hardsigmoid(x);
        case Silu: return at::silu(x);
        case Square: return at::square(x);
    }
    TORCH_CHECK(false, "unknown unary operation code ", op);
}

template <typename Other>
at::Tensor binary(const at::Tensor& a, const Other& b, int op, double alpha) {
    switch (op) {
        case Add: return at::add(a, b, scalar_for(a, alpha));
        case Sub: return at::sub(a, b, scalar_for(a, alpha));
        case Mul: return at::mul(a, b);
        case Div: return at::div(a, b);
        case Pow: return at::pow(a, b);
        case Eq: return at::eq(a, b);
        case Ne: return at::ne(a, b);
        case Lt: return at::lt(a, b);
        case Le: return at::le(a, b);
        case Gt: return at::gt(a, b);
        case Ge: return at::ge(a, b);
        default: break;
    }
    if constexpr (std::is_same_v<Other, at::Tensor>) {
        if (op == Maximum) return at::maximum(a, b);
        if (op == Minimum) return at::minimum(a, b);
    } else {
        if (op == Maximum) return at::clamp_min(a, b);
        if (op == Minimum) return at::clamp_max(a, b);
    }
    TORCH_CHECK(false, "unknown binary operation code ", op);
}

template <typename Other>
void binary_(at::Tensor& a, const Other& b, int op, double alpha) {
    switch (op) {
        case Add: a.add_(b, scalar_for(a, alpha)); return;
        case Sub: a.sub_(b, scalar_for(a, alpha)); return;
        case Mul: a.mul_(b); return;
        case Div: a.div_(b); return;
        default: TORCH_CHECK(false, "in-place form of operation ", op, " is not supported");
    }
}

c10::optional<int64_t> optional_dim(int has_dim, int64_t dim) { return has_dim ? c10::optional<int64_t>(dim) : c10::nullopt; }
}  // namespace

MNAS_API TensorHandle mnas_unary(TensorHandle x, int op) { return guard([&] { return unary(*x, op); }); }

MNAS_API TensorHandle mnas_binary(TensorHandle a, TensorHandle b, int op, double alpha) {
    return guard([&] { return binary(*a, *b, op, alpha); });
}

MNAS_API TensorHandle mnas_binary_scalar(TensorHandle a, double b, int op, double alpha) {
    return guard([&] { return binary(*a, scalar_for(*a, b), op, alpha); });
}

MNAS_API int mnas_binary_(TensorHandle a, TensorHandle b, int op, double alpha) {
    return guard_status([&] { binary_(*a, *b, op, alpha); });
}

MNAS_API int mnas_binary_scalar_(TensorHandle a, double b, int op, double alpha) {
    return guard_status([&] { binary_(*a, scalar_for(*a, b), op, alpha); });
}

MNAS_API TensorHandle mnas_matmul(TensorHandle a, TensorHandle b) { return guard([&] { return at::matmul(*a, *b); }); }

MNAS_API TensorHandle mnas_clamp(TensorHandle x, int has_min, double min, int has_max, double max) {
    return guard([&] {
        c10::optional<at::Scalar> lo = has_min ? c10::optional<at::Scalar>(min) : c10::nullopt;
        c10::optional<at::Scalar> hi = has_max ? c10::optional<at::Scalar>(max) : c10::nullopt;
        return at::clamp(*x, lo, hi);
    });
}

MNAS_API TensorHandle mnas_where(TensorHandle condition, TensorHandle a, TensorHandle b) {
    return guard([&] { return at::where(*condition, *a, *b); });
}

MNAS_API TensorHandle mnas_sum(TensorHandle x, const int64_t* dim, int ndim, int keepdim) {
    return guard([&] { return ndim == 0 ? at::sum(*x) : at::sum(*x, dims(dim, ndim), keepdim != 0); });
}

MNAS_API TensorHandle mnas_mean(TensorHandle x, const int64_t* dim, int ndim, int keepdim) {
    return guard([&] { return ndim == 0 ? at::mean(*x) : at::mean(*x, dims(dim, ndim), keepdim != 0); });
}

MNAS_API TensorHandle mnas_max(TensorHandle x) { return guard([&] { return at::max(*x); }); }
MNAS_API TensorHandle mnas_min(TensorHandle x) { return guard([&] { return at::min(*x); }); }

MNAS_API TensorHandle mnas_argmax(TensorHandle x, int has_dim, int64_t dim, int keepdim) {
    return guard([&] { return at::argmax(*x, optional_dim(has_dim, dim), keepdim != 0); });
}

MNAS_API TensorHandle mnas_softmax(TensorHandle x, int64_t dim) { return guard([&] { return at::softmax(*x, dim); }); }
MNAS_API TensorHandle mnas_log_softmax(TensorHandle x, int64_t dim) { return guard([&] { return at::log_softmax(*x, dim); }); }

MNAS_API TensorHandle mnas_gather(TensorHandle x, int64_t dim, TensorHandle index) {
    return guard([&] { return at::gather(*x, dim, *index); });
}

MNAS_API TensorHandle mnas_index_select(TensorHandle x, int64_t dim, TensorHandle index) {
    return guard([&] { return at::index_select(*x, dim, *index); });
}

MNAS_API int mnas_allclose(TensorHandle a, TensorHandle b, double rtol, double atol, int* out) {
    return guard_status([&] { *out = at::allclose(*a, *b, rtol, atol) ? 1 : 0; });
}

MNAS_API int mnas_equal(TensorHandle a, TensorHandle b, int* out) {
    return guard_status([&] { *out = at::equal(*a, *b) ? 1 : 0; });
}
