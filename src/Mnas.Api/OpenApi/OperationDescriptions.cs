namespace Mnas.Api.OpenApi;

/// <summary>
/// Every operation of the API, by method and path, as the document describes it. An operation missing here has no
/// summary or id in the document, which the document's lint test refuses, so a new endpoint cannot go undescribed.
/// Operations under /api/v1 also answer 401 (no valid key) and 429 (the key's rate passed); those are added to each.
/// </summary>
internal static class OperationDescriptions
{
    public static IReadOnlyDictionary<(string Method, string Path), OperationDescription> All { get; } =
        new Dictionary<(string, string), OperationDescription>
        {
            [("GET", "/healthz")] = new("getLiveness", "Whether the process is alive", Tags.Health),
            [("GET", "/readyz")] = new("getReadiness", "Whether the store (and the broker, when there is one) answer", Tags.Health, 503),
            [("GET", "/api/v1/workers")] = new("listWorkers", "The workers heard from, with their devices and running children", Tags.Workers, 403),
            [("GET", "/api/v1/campaigns")] = new("listCampaigns", "The campaigns the caller may see, newest first", Tags.Campaigns, 400),
            [("POST", "/api/v1/campaigns")] = new("createCampaign", "Create a campaign from a spec and its settings (JSON or YAML)",
                Tags.Campaigns, 400, 409, 413, 415),
            [("GET", "/api/v1/campaigns/{id}")] = new("getCampaign", "One campaign: status, budget, progress", Tags.Campaigns, 404),
            [("DELETE", "/api/v1/campaigns/{id}")] = new("deleteCampaign", "Delete a finished or cancelled campaign (operators)",
                Tags.Campaigns, 403, 404, 409),
            [("POST", "/api/v1/campaigns/{id}/cancel")] = new("cancelCampaign", "Cancel a running campaign (its owner or an operator)",
                Tags.Campaigns, 404, 409),
            [("GET", "/api/v1/campaigns/{id}/children")] = new("listChildren", "A campaign's children, paged, sorted and filtered",
                Tags.Children, 400, 404),
            [("GET", "/api/v1/campaigns/{id}/children/{sequence}")] = new("getChild", "One child: architecture, metrics, curve and events",
                Tags.Children, 400, 404),
            [("GET", "/api/v1/campaigns/{id}/children/{sequence}/memory")] = new("getChildMemory",
                "A child's memory: parameters, peak activations and the live bytes at each execution step", Tags.Children, 400, 404, 409)
            {
                Description = "What the child's network needs in memory at inference (batch 1, float32), of its target view, for a " +
                    "campaign of any strategy: param_bytes, peak_activation_bytes (the most bytes of intermediate tensors live at once, " +
                    "by lifetime analysis: a tensor lives from the operator that writes it until its last reader has run), their sum " +
                    "total_bytes (MemNAS's objective), the step at which the peak is first reached (peak_step, peak_node) and, for the " +
                    "lifetime chart, every execution step in order with its operator's name and kind, the bytes it allocates and the " +
                    "bytes live while it runs. Nothing is built or run. An unknown campaign or child is a 404 problem; a campaign whose " +
                    "spec or settings, or a child whose architecture, this version cannot read is a 409 problem titled 'No memory analysis'.",
            },
            [("GET", "/api/v1/campaigns/{id}/pareto")] = new("getParetoFront", "A campaign's Pareto front over the chosen objectives",
                Tags.Pareto, 400, 404),
            [("GET", "/api/v1/campaigns/{id}/controller")] = new("getControllerHistory", "The controller's updates: reward, entropy, loss",
                Tags.Controller, 404),
            [("GET", "/api/v1/campaigns/{id}/supernet")] = new("getSupernet", "A campaign's supernet: epochs, θ or the BN indicator per layer, posterior, evolution",
                Tags.Supernet, 404)
            {
                Description = "The supernet of an fbnet, fbnetv2 or bn-nas campaign: its attempts (each on one worker), the epochs " +
                    "planned (spec.dnas.epochs; for bn-nas the epochs spec.bnnas trains) and done, and for every epoch recorded its " +
                    "attempt, Gumbel-softmax temperature, mean loss and cross-entropy, whether θ trained (not in warm-up), the expected " +
                    "latency under P_θ, P_θ per searchable layer over the candidates (distributions[layer][candidate], columns in the " +
                    "order of candidates) and, for fbnetv2, over each layer's widths and over the input resolutions; once trained, its " +
                    "posterior, from which the campaign draws its children. A bn-nas supernet is single-path: its epochs have " +
                    "temperature 0, θ never trained and the uniform sampling distribution as distributions, and add scores (the BN " +
                    "indicator, scores[layer][candidate]: the mean |γ| of each candidate's last batch norm) and ranking_distance (the " +
                    "mean over layers of the share of candidate pairs the indicator orders differently than after the epoch before; " +
                    "null for the first); its posterior adds the final scores and costs (the fixed part's and every candidate's " +
                    "latency, parameters, multiply-adds and peak activation bytes), and evolution holds the evolution searched over " +
                    "the indicator (per iteration the best and mean score of its feasible subnets and how many were feasible; the " +
                    "subnets chosen with their scores and costs), null until recorded and for fbnet and fbnetv2. The search state " +
                    "(weights, θ, optimiser states) is never served. A campaign whose strategy trains no supernet (rl, random) is a " +
                    "404 problem titled 'No supernet'; a campaign whose supernet has not started has no attempts and no epochs.",
            },
            [("GET", "/api/v1/campaigns/{id}/search")] = new("getSearch",
                "An fbnetv3 or memnas campaign's search: every step, the stage, predictor quality; memnas's memory front", Tags.Search, 404)
            {
                Description = "The predictor-driven search of an fbnetv3 or memnas campaign, every step in order. fbnetv3: the " +
                    "predictor's pretraining on cost labels (pretrain, with its final loss), each coarse round (coarse: its children's " +
                    "accuracy as the predictor predicted it before they trained and as they measured it, with Kendall's τ between the " +
                    "two and the children the predictor was then fitted on), each iteration of the fine stage's evolution over the " +
                    "predictor (fine: the best and mean predicted accuracy of the pairs kept, how many candidates met the constraints " +
                    "and how many broke one) and the final children (final: predicted against measured again). memnas: the first base " +
                    "network trained (base), then each grow-and-trim round (grow-trim: its base with accuracy and memory, every " +
                    "candidate — its operation on the base, memory, the controller's score and rank and, when it trained, its accuracy, " +
                    "memory efficiency y against the base and rank by y — Kendall's τ between the controller's scores and the measured " +
                    "y, how the candidates were ranked (controller, or prior before the controller had data), the controller's loss " +
                    "and the next base when one beat the base); memory_front lists every done child with its accuracy and the " +
                    "parameter and peak activation bytes of its target view, on_front marking the accuracy × total memory front. " +
                    "stage is the last step's, latency_table_size the operators the campaign's latency lookup table has timed (0 for " +
                    "memnas). A campaign of another strategy is a 404 problem titled 'No predictor search'; one that has not begun its " +
                    "search has no steps and no stage.",
            },
            [("POST", "/api/v1/campaigns/{id}/requery")] = new("requeryCampaign", "Ask an fbnetv3 campaign's predictor for its best pairs under other limits",
                Tags.Search, 400, 404, 409)
            {
                Description = "Runs the campaign's fine stage again with the predictor of its latest checkpoint, under the limits in the " +
                    "body (each optional: max_latency_ms, max_params, max_macs, max_peak_activation_bytes; positive, and a key not among " +
                    "them is refused by name), costing architectures by the latency table the campaign measured. Nothing trains, " +
                    "nothing is timed and nothing is written: the answer lists the best architecture–recipe pairs (best predicted " +
                    "first) with their recipes, predicted accuracy and costs, every iteration of the evolution, and how many candidates " +
                    "were skipped for an operator the table lacks. A campaign of another strategy, or one whose predictor has not been " +
                    "fitted to a trained child yet, is a 409 problem saying so. Researchers may requery their own campaigns.",
            },
            [("GET", "/api/v1/campaigns/{id}/events/stream")] = new("streamCampaignEvents", "A campaign's live events (server-sent events)",
                Tags.Events, 400, 404),
        };

    public static IReadOnlyDictionary<string, string> TagDescriptions { get; } = new Dictionary<string, string>
    {
        [Tags.Health] = "Liveness and readiness, without a key",
        [Tags.Workers] = "The workers of the cluster (operators)",
        [Tags.Campaigns] = "Campaigns: created from a spec, read, cancelled, deleted",
        [Tags.Children] = "The children a campaign evaluated",
        [Tags.Pareto] = "Pareto fronts of accuracy, latency, memory and parameters",
        [Tags.Controller] = "The search controller's history",
        [Tags.Supernet] = "The supernet of a one-shot search (fbnet, fbnetv2, bn-nas)",
        [Tags.Search] = "The predictor-driven searches of fbnetv3 and memnas: their steps, memnas's memory front, and fbnetv3's predictor asked again",
        [Tags.Events] = "Live events of a campaign",
    };

    private static class Tags
    {
        public const string Health = "health";
        public const string Workers = "workers";
        public const string Campaigns = "campaigns";
        public const string Children = "children";
        public const string Pareto = "pareto";
        public const string Controller = "controller";
        public const string Supernet = "supernet";
        public const string Search = "search";
        public const string Events = "events";
    }
}
