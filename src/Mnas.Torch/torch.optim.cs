using Mnas.Torch.Optim;

namespace Mnas.Torch;

public static partial class torch
{
    /// <summary>Optimiser factories, named as in PyTorch.</summary>
    public static class optim
    {
        public static SGD SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0,
            bool nesterov = false) => new(parameters, lr, momentum, dampening, weight_decay, nesterov);

        public static Adam Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
            double eps = 1e-8, double weight_decay = 0, bool amsgrad = false) => new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad);

        public static AdamW AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
            double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false) => new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad);

        public static RMSprop RMSprop(IEnumerable<Tensor> parameters, double lr, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0,
            double momentum = 0, bool centered = false) => new(parameters, lr, alpha, eps, weight_decay, momentum, centered);

        public static class lr_scheduler
        {
            public static CosineAnnealingLR CosineAnnealingLR(Optimizer optimizer, long T_max, double eta_min = 0) =>
                new(optimizer, T_max, eta_min);
        }
    }
}
