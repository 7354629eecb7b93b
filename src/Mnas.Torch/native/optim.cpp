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

namespace {
const at::Tensor& parameter_at(OptimizerHandle o, int index) { return o->param_groups().at(0).params().at(index); }

std::string state_key(const at::Tensor& p) { return c10::guts::to_string(p.unsafeGetTensorImpl()); }
}  // namespace

// A parameter's state in the optimizer, by slot: SGD 0 = momentum buffer; Adam 0 = exp_avg, 1 = exp_avg_sq,
// 2 = max_exp_avg_sq (with its step count in *step). *out is a copy, or null when the parameter has none yet (no step
// taken) or the slot is empty. A slot the optimizer does not have is an error.
MNAS_API int mnas_optimizer_state_get(OptimizerHandle o, int index, int slot, TensorHandle* out, int64_t* step) {
    return guard_status([&] {
        *out = nullptr;
        *step = 0;
        auto& state = o->state();
        auto found = state.find(state_key(parameter_at(o, index)));
        const at::Tensor* value = nullptr;
        if (dynamic_cast<torch::optim::SGD*>(o) != nullptr) {
            TORCH_CHECK(slot == 0, "SGD holds one state slot (momentum buffer), not slot ", slot);
            if (found == state.end()) return;
            value = &static_cast<torch::optim::SGDParamState&>(*found->second).momentum_buffer();
        } else {
            TORCH_CHECK(dynamic_cast<torch::optim::Adam*>(o) != nullptr, "this optimizer's state cannot be read");
            TORCH_CHECK(slot >= 0 && slot <= 2, "Adam holds state slots 0 to 2 (exp_avg, exp_avg_sq, max_exp_avg_sq), not slot ", slot);
            if (found == state.end()) return;
            auto& s = static_cast<torch::optim::AdamParamState&>(*found->second);
            *step = s.step();
            value = slot == 0 ? &s.exp_avg() : slot == 1 ? &s.exp_avg_sq() : &s.max_exp_avg_sq();
        }
        if (value->defined()) *out = mnas::new_handle(value->detach().clone());
    });
}

// Sets a parameter's state slot (creating its state when it has none), copying the value; Adam's step count with it.
MNAS_API int mnas_optimizer_state_set(OptimizerHandle o, int index, int slot, TensorHandle value, int64_t step) {
    return guard_status([&] {
        const auto& p = parameter_at(o, index);
        TORCH_CHECK(value->sizes() == p.sizes(), "the state's shape ", value->sizes(), " is not the parameter's ", p.sizes());
        auto copy = value->detach().to(p.options()).clone();
        auto& state = o->state();
        auto key = state_key(p);
        if (dynamic_cast<torch::optim::SGD*>(o) != nullptr) {
            TORCH_CHECK(slot == 0, "SGD holds one state slot (momentum buffer), not slot ", slot);
            auto s = std::make_unique<torch::optim::SGDParamState>();
            s->momentum_buffer(copy);
            state[key] = std::move(s);
            return;
        }
        TORCH_CHECK(dynamic_cast<torch::optim::Adam*>(o) != nullptr, "this optimizer's state cannot be written");
        TORCH_CHECK(slot >= 0 && slot <= 2, "Adam holds state slots 0 to 2 (exp_avg, exp_avg_sq, max_exp_avg_sq), not slot ", slot);
        auto found = state.find(key);
        if (found == state.end()) {
            auto fresh = std::make_unique<torch::optim::AdamParamState>();
            fresh->exp_avg(torch::zeros_like(p, at::MemoryFormat::Preserve));
            fresh->exp_avg_sq(torch::zeros_like(p, at::MemoryFormat::Preserve));
            found = state.emplace(key, std::move(fresh)).first;
        }
        auto& s = static_cast<torch::optim::AdamParamState&>(*found->second);
        s.step(step);
        if (slot == 0) s.exp_avg(copy);
        else if (slot == 1) s.exp_avg_sq(copy);
        else s.max_exp_avg_sq(copy);
    });
}
