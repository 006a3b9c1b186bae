import io.aigw.bench.routing.adapter.out.routellm.RouteLlmLabelFiles;
import io.aigw.bench.routing.domain.*;
import io.aigw.routing.adapter.out.onnx.MiniLmPromptEmbedder;
import java.io.*;
import java.nio.file.*;
import java.util.*;

/**
 * Offline tuning of the learned router's predictor, on the TRAINING split of `./aigw bench routing
 * --learned` only (same clean prompts, same 70/30 split, seed 42): 5-fold cross-validation inside it,
 * the recorded labels standing in for the feedback. The test split is never read. Prints APGR and
 * CPT(50 %) per setting; a second argument sweeps the length weight at k = 50, prior 4.
 *
 * Run (after ./mvnw -o -B package -DskipTests -pl bench,routing-service):
 *   mkdir -p /tmp/rjar && (cd /tmp/rjar && unzip -qo $PWD/routing-service/target/routing-service-0.1.0-SNAPSHOT.jar 'BOOT-INF/lib/*')
 *   CP="bench/target/classes:routing-service/target/classes:$(ls /tmp/rjar/BOOT-INF/lib/*.jar | tr '\n' ':')"
 *   java -Xmx1500m -cp "$CP" bench/tuning/LearnedTuning.java GSM8K        # k, prior, similarity weighting
 *   java -Xmx1500m -cp "$CP" bench/tuning/LearnedTuning.java GSM8K len    # length weight
 * (MMLU: the same with MMLU, a stratified sample of 3,000 as the benchmark.) Embeddings are cached under
 * /tmp/tune/.
 */
public class LearnedTuning {
    public static void main(String[] args) throws Exception {
        Dataset dataset = Dataset.valueOf(args[0]);
        RouteLlmLabelFiles files = new RouteLlmLabelFiles(Path.of(System.getenv().getOrDefault("AIGW_SHARED_DATA", "../shared/data"), "routellm"));
        List<LabeledPrompt> clean = files.contamination(dataset).clean(files.prompts(dataset));
        if (dataset == Dataset.MMLU) clean = StratifiedSample.of(clean, 3000, 42);
        List<LabeledPrompt> train = TrainTestSplit.of(clean, 0.7, 42).train();
        System.out.println(dataset + " train " + train.size());
        Files.createDirectories(Path.of("/tmp/tune"));
        float[][] emb = embeddings(train, Path.of("/tmp/tune/" + dataset + ".emb"));
        int n = train.size();
        int folds = 5;
        int[] fold = new int[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, new Random(7));
        for (int i = 0; i < n; i++) fold[order.get(i)] = i % folds;
        // similarities once
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) { double s = dot(emb[i], emb[j]); sim[i][j] = s; sim[j][i] = s; }
        int[] ks = args.length > 1 ? new int[] {50} : new int[] {10, 20, 30, 50, 75, 100, 150, 200};
        double[] priors = args.length > 1 ? new double[] {4} : new double[] {0, 2, 4, 8, 16};
        double[] betas = args.length > 1 ? new double[] {0} : new double[] {0, 10, 20, 40};
        double[] logLen = new double[n];
        double mu = 0, sd = 0;
        for (int i = 0; i < n; i++) { logLen[i] = Math.log(train.get(i).prompt().length()); mu += logLen[i]; }
        mu /= n;
        for (int i = 0; i < n; i++) sd += (logLen[i] - mu) * (logLen[i] - mu);
        sd = Math.sqrt(sd / n);
        double[] lambdas = args.length > 1 ? new double[] {0, 0.02, 0.05, 0.1, 0.2, 0.4, 1, 100} : new double[] {0};
        for (double lambda : lambdas)
        for (double beta : betas) for (int k : ks) for (double prior : priors) {
            List<RouterCurve.Outcome> pooled = new ArrayList<>();
            double apgrSum = 0, cptSum = 0;
            for (int f = 0; f < folds; f++) {
                List<RouterCurve.Outcome> outs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (fold[i] != f) continue;
                    double pw = predict(i, f, fold, sim, train, true, k, prior, beta);
                    double ps = predict(i, f, fold, sim, train, false, k, prior, beta);
                    LabeledPrompt p = train.get(i);
                    outs.add(new RouterCurve.Outcome(pw - ps - lambda * (logLen[i] - mu) / sd, p.weakCorrect(), p.strongCorrect(), 0, 1));
                }
                RouterCurve c = RouterCurve.of(outs);
                apgrSum += c.apgr();
                cptSum += c.cheapestReaching(0.5).map(RouterCurve.Point::strongShare).orElse(1.0);
                pooled.addAll(outs);
            }
            RouterCurve all = RouterCurve.of(pooled);
            System.out.printf(Locale.ROOT, "lambda " + lambda + " beta %4.0f k %4d prior %4.0f  APGR folds %.4f  CPT50 folds %.4f  pooled APGR %.4f CPT50 %.4f CPT80 %.4f%n",
                    beta, k, prior, apgrSum / folds, cptSum / folds, all.apgr(),
                    all.cheapestReaching(0.5).map(RouterCurve.Point::strongShare).orElse(1.0),
                    all.cheapestReaching(0.8).map(RouterCurve.Point::strongShare).orElse(1.0));
        }
    }

    static double predict(int i, int f, int[] fold, double[][] sim, List<LabeledPrompt> train, boolean weak, int k, double prior, double beta) {
        // the k most similar examples of the other folds
        PriorityQueue<double[]> q = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        double sum = 0; int count = 0;
        for (int j = 0; j < sim.length; j++) {
            if (fold[j] == f) continue;
            double score = (weak ? train.get(j).weakCorrect() : train.get(j).strongCorrect()) ? 1 : 0;
            sum += score; count++;
            if (q.size() < k) q.add(new double[] {sim[i][j], score});
            else if (sim[i][j] > q.peek()[0]) { q.poll(); q.add(new double[] {sim[i][j], score}); }
        }
        double mean = sum / count;
        double wsum = 0, ws = 0;
        for (double[] e : q) { double w = beta == 0 ? 1 : Math.exp(beta * (e[0] - 1)); wsum += w; ws += w * e[1]; }
        // prior in units of an average neighbour weight
        double unit = wsum / q.size();
        return (ws + prior * unit * mean) / (wsum + prior * unit);
    }

    static double dot(float[] a, float[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }

    static float[][] embeddings(List<LabeledPrompt> prompts, Path cache) throws IOException {
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
                int n = in.readInt(), d = in.readInt();
                if (n == prompts.size()) {
                    float[][] e = new float[n][d];
                    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) e[i][j] = in.readFloat();
                    return e;
                }
            }
        }
        MiniLmPromptEmbedder embedder = new MiniLmPromptEmbedder();
        float[][] e = new float[prompts.size()][];
        long t = System.nanoTime();
        for (int i = 0; i < e.length; i++) {
            e[i] = embedder.embed(prompts.get(i).prompt());
            if (i % 200 == 0) System.out.println("embedded " + i + " " + (System.nanoTime() - t) / 1_000_000_000 + " s");
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
            out.writeInt(e.length); out.writeInt(e[0].length);
            for (float[] v : e) for (float x : v) out.writeFloat(x);
        }
        return e;
    }
}
