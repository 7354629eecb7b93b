#include "mnas_torch.h"

#include <memory>
#include <vector>

using mnas::guard_status;

using OptimizerHandle = torch::optim::Optimizer*;

namespace {
std::vector<at::Tensor> parameters(const TensorHandle* handles, int count) {
    std::vector<at::Tensor> result;
    for (int i = 0; i < count; i++) result.push_back(*handles[i]);
    return result;
}

template <typename F>
OptimizerHandle guard_optimizer(F&& body) {
    try {
        return body();
    } catch (const c10::Error& e) {
        mnas::set_error(e.what_without_backtrace());
    } catch (const std::exception& e) {
        mnas::set_error(e.what());
    }
    return nullptr;
}
}  // namespace

MNAS_API OptimizerHandle mnas_sgd_new(const TensorHandle* params, int count, double lr, double momentum, double dampening,
                                      double weight_decay, int nesterov) {
    return guard_optimizer([&]() -> OptimizerHandle {
        auto options = torch::optim::SGDOptions(lr).momentum(momentum).dampening(dampening).weight_decay(weight_decay).nesterov(
            nesterov != 0);
        return new torch::optim::SGD(parameters(params, count), options);
    });
}

MNAS_API OptimizerHandle mnas_adam_new(const TensorHandle* params, int count, double lr, double beta1, double beta2, double eps,
                                       double weight_decay, int amsgrad) {
    return guard_optimizer([&]() -> OptimizerHandle {
        auto options = torch::optim::AdamOptions(lr).betas({beta1, beta2}).eps(eps).weight_decay(weight_decay).amsgrad(amsgrad != 0);
        return new torch::optim::Adam(parameters(params, count), options);
    });
}

MNAS_API void mnas_optimizer_free(OptimizerHandle o) { delete o; }

MNAS_API int mnas_optimizer_step(OptimizerHandle o) {
    return guard_status([&] {
        at::NoGradGuard no_grad;
        o->step();
    });
}

MNAS_API int mnas_optimizer_zero_grad(OptimizerHandle o) {
    return guard_status([&] {
        for (auto& group : o->param_groups())
            for (auto& p : group.params()) p.mutable_grad().reset();
    });
}

MNAS_API int mnas_optimizer_set_lr(OptimizerHandle o, double lr) {
    return guard_status([&] {
        for (auto& group : o->param_groups()) group.options().set_lr(lr);
    });
}

MNAS_API int mnas_optimizer_get_lr(OptimizerHandle o, double* out) {
    return guard_status([&] { *out = o->param_groups().at(0).options().get_lr(); });
}
