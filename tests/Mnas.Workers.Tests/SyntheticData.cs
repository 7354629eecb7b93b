using Mnas.Torch;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests;

/// <summary>
/// A learnable toy task made in the test: class c of 4 lights up quadrant c of a 1×16×16 image
/// over noise. Batches come in a seeded order per epoch.
/// </summary>
internal sealed class SyntheticData : ITrainingData
{
    private readonly float[][] trainImages;
    private readonly long[] trainLabels;
    private readonly float[][] validationImages;
    private readonly long[] validationLabels;
    private readonly int batch;

    public SyntheticData(int trainCount, int validationCount, int batch, int seed = 7)
    {
        var rng = new Random(seed);
        (trainImages, trainLabels) = Make(trainCount, rng);
        (validationImages, validationLabels) = Make(validationCount, rng);
        this.batch = batch;
    }

    public const int Side = 16;
    public const int Classes = 4;

    public int TrainBatchesPerEpoch => (trainImages.Length + batch - 1) / batch;

    public IEnumerable<(Tensor Images, Tensor Labels)> TrainBatches(int epoch)
    {
        var order = Enumerable.Range(0, trainImages.Length).ToArray();
        new Random(epoch).Shuffle(order);
        return Batches(order, trainImages, trainLabels);
    }

    public IEnumerable<(Tensor Images, Tensor Labels)> ValidationBatches() =>
        Batches(Enumerable.Range(0, validationImages.Length).ToArray(), validationImages, validationLabels);

    private IEnumerable<(Tensor, Tensor)> Batches(int[] order, float[][] images, long[] labels)
    {
        for (var start = 0; start < order.Length; start += batch)
        {
            var ids = order.Skip(start).Take(batch).ToArray();
            var pixels = ids.SelectMany(i => images[i]).ToArray();
            yield return (torch.tensor(pixels, [ids.Length, 1, Side, Side]), torch.tensor(ids.Select(i => labels[i]).ToArray()));
        }
    }

    private static (float[][], long[]) Make(int count, Random rng)
    {
        var images = new float[count][];
        var labels = new long[count];
        for (var n = 0; n < count; n++)
        {
            var c = n % Classes;
            labels[n] = c;
            var image = new float[Side * Side];
            for (var y = 0; y < Side; y++)
            {
                for (var x = 0; x < Side; x++)
                {
                    var quadrant = (y >= Side / 2 ? 2 : 0) + (x >= Side / 2 ? 1 : 0);
                    image[y * Side + x] = (float)(rng.NextDouble() - 0.5) + (quadrant == c ? 1.5f : 0f);
                }
            }
            images[n] = image;
        }
        return (images, labels);
    }
}
