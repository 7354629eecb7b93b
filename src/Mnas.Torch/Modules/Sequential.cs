namespace Mnas.Torch.Modules;

/// <summary>Runs its modules in order; each is named by its position ("0", "1", …) unless given a name.</summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> layers = [];

    public Sequential(params Module<Tensor, Tensor>[] modules)
    {
        foreach (var module in modules)
        {
            Add(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        }
    }

    public Sequential(params (string Name, Module<Tensor, Tensor> Module)[] modules)
    {
        foreach (var (name, module) in modules)
        {
            Add(name, module);
        }
    }

    public int Count => layers.Count;

    public Module<Tensor, Tensor> this[int index] => layers[index];

    private void Add(string name, Module<Tensor, Tensor> module) => layers.Add(register_module(name, module));

    public override Tensor forward(Tensor input)
    {
        // Intermediate outputs are freed as soon as the next layer has consumed them; autograd
        // keeps its own references to what backward needs.
        var x = input;
        foreach (var layer in layers)
        {
            var next = layer.forward(x);
            if (!ReferenceEquals(x, input) && !ReferenceEquals(x, next))
            {
                x.Dispose();
            }
            x = next;
        }
        return x;
    }
}
