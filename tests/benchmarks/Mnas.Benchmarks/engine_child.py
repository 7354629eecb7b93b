"""The engine benchmark child in Python PyTorch, measured the same way as the .NET engine.

Prints `img_per_s=` and `latency_ms=` lines. The environment is left as the caller gives it.
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBnAct(nn.Sequential):
    def __init__(self, cin, cout, kernel, stride, groups=1, act=True):
        layers = [
            nn.Conv2d(cin, cout, kernel, stride, kernel // 2, groups=groups, bias=False),
            nn.BatchNorm2d(cout),
        ]
        if act:
            layers.append(nn.ReLU6())
        super().__init__(*layers)


class MBConv(nn.Module):
    def __init__(self, cin, cout, kernel, expansion, stride):
        super().__init__()
        hidden = cin * expansion
        layers = []
        if expansion != 1:
            layers.append(ConvBnAct(cin, hidden, 1, 1))
        layers.append(ConvBnAct(hidden, hidden, kernel, stride, groups=hidden))
        layers.append(ConvBnAct(hidden, cout, 1, 1, act=False))
        self.body = nn.Sequential(*layers)
        self.residual = cin == cout and stride == 1

    def forward(self, x):
        y = self.body(x)
        return x + y if self.residual else y


BLOCKS = [(16, 16, 3, 1, 1), (16, 24, 3, 6, 2), (24, 24, 5, 3, 1), (24, 40, 5, 6, 2),
          (40, 40, 3, 3, 1), (40, 80, 3, 6, 2), (80, 80, 5, 6, 1)]


class EngineBenchmarkChild(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.stem = ConvBnAct(1, 16, 3, 1)
        self.blocks = nn.Sequential(*[MBConv(*b) for b in BLOCKS])
        self.head = ConvBnAct(80, 320, 1, 1)
        self.classifier = nn.Linear(320, classes)

    def forward(self, x):
        x = self.head(self.blocks(self.stem(x)))
        return self.classifier(F.adaptive_avg_pool2d(x, 1).flatten(1))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--latency-runs", type=int, default=200)
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = EngineBenchmarkChild().to(memory_format=torch.channels_last)
    print(f"parameters={sum(t.numel() for t in model.parameters())}")
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=4e-5)
    x = torch.randn(a.batch, 1, 28, 28).to(memory_format=torch.channels_last)
    y = torch.randint(0, 10, (a.batch,))

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()

    model.train()
    for _ in range(a.warmup):
        step()
    start = time.perf_counter()
    for _ in range(a.steps):
        step()
    elapsed = time.perf_counter() - start
    print(f"img_per_s={a.batch * a.steps / elapsed:.1f}")

    model.eval()
    one = torch.randn(1, 1, 28, 28).to(memory_format=torch.channels_last)
    times = []
    with torch.no_grad():
        for _ in range(20):
            model(one)
        for _ in range(a.latency_runs):
            t0 = time.perf_counter()
            model(one)
            times.append(time.perf_counter() - t0)
    print(f"latency_ms={statistics.median(times) * 1000:.3f}")


if __name__ == "__main__":
    main()
