<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Analysis</name>
    <message>
        <source>Per-column statistics: types, nulls, min/max, mean, std, distinct counts</source>
        <translation>逐列统计：类型、空值、最小/最大值、均值、标准差、不同值个数</translation>
    </message>
    <message>
        <source>Group rows by key columns and aggregate: count, sum, mean, min, max, std</source>
        <translation>按键列对行分组并聚合：计数、求和、均值、最小值、最大值、标准差</translation>
    </message>
    <message>
        <source>Keep the rows where an expression holds; count them and optionally write them</source>
        <translation>保留满足表达式的行，统计行数，并可选择写出这些行</translation>
    </message>
    <message>
        <source>Top terms of a text column (or of whole lines), with exact counts</source>
        <translation>文本列（或整行）中的高频词及其精确计数</translation>
    </message>
    <message>
        <source>Rewrite the dataset as CSV, JSON Lines or a JSON array</source>
        <translation>将数据集改写为 CSV、JSON Lines 或 JSON 数组</translation>
    </message>
    <message>
        <source>Synthetic tasks with chosen durations, failures and memory (no dataset)</source>
        <translation>按指定耗时、失败率和内存生成的合成任务（无需数据集）</translation>
    </message>
    <message>
        <source>unknown analysis &apos;%1&apos; (available: %2)</source>
        <translation>未知的分析“%1”（可用：%2）</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>usage:</source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>dialect, schema, row count, bad records</source>
        <translation>格式方言、结构、行数、错误记录</translation>
    </message>
    <message>
        <source>time a grid of chunk sizes x workers x policies</source>
        <translation>对分块大小 × 工作线程数 × 策略的组合计时</translation>
    </message>
    <message>
        <source>&apos;superflow-cli COMMAND --help&apos; lists a command&apos;s options.</source>
        <translation>“superflow-cli 命令 --help”可列出该命令的选项。</translation>
    </message>
    <message>
        <source>exit codes: 0 done, 2 usage, 3 input unreadable, 4 task failed, 130 interrupted</source>
        <translation>退出码：0 完成，2 用法错误，3 输入无法读取，4 任务失败，130 被中断</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知的命令“%1”</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>records per chunk (default 50000)</source>
        <translation>每块记录数（默认 50000）</translation>
    </message>
    <message>
        <source>bytes per chunk, e.g. 4MiB</source>
        <translation>每块字节数，例如 4MiB</translation>
    </message>
    <message>
        <source>how chunk sizes are chosen (default fixed)</source>
        <translation>分块大小的确定方式（默认 fixed）</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>worker threads (default: one per core)</source>
        <translation>工作线程数（默认：每核一个）</translation>
    </message>
    <message>
        <source>which ready task runs next</source>
        <translation>下一个运行哪个就绪任务</translation>
    </message>
    <message>
        <source>job priority (for --policy priority)</source>
        <translation>作业优先级（用于 --policy priority）</translation>
    </message>
    <message>
        <source>estimated memory in flight, e.g. 512MiB</source>
        <translation>同时占用的预估内存，例如 512MiB</translation>
    </message>
    <message>
        <source>extra attempts after a task fails (default 0)</source>
        <translation>任务失败后的额外尝试次数（默认 0）</translation>
    </message>
    <message>
        <source>stop and retry an attempt after MS milliseconds</source>
        <translation>单次尝试超过 MS 毫秒后停止并重试</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>input format (default auto)</source>
        <translation>输入格式（默认 auto）</translation>
    </message>
    <message>
        <source>field delimiter (default: sniffed; &apos;tab&apos; for TAB)</source>
        <translation>字段分隔符（默认自动探测；“tab”表示制表符）</translation>
    </message>
    <message>
        <source>the first record is data, not column names</source>
        <translation>第一条记录是数据，而不是列名</translation>
    </message>
    <message>
        <source>comma-separated texts read as null</source>
        <translation>以逗号分隔、读作空值的文本</translation>
    </message>
    <message>
        <source>no type inference: every column is a string</source>
        <translation>不做类型推断：所有列都作为字符串</translation>
    </message>
    <message>
        <source>SQLite table to read</source>
        <translation>要读取的 SQLite 表</translation>
    </message>
    <message>
        <source>SQLite query to read</source>
        <translation>要读取的 SQLite 查询</translation>
    </message>
    <message>
        <source>bad records</source>
        <translation>错误记录</translation>
    </message>
    <message>
        <source>skip and report bad records (default) or stop</source>
        <translation>跳过并报告错误记录（默认），或停止</translation>
    </message>
    <message>
        <source>stop once more than N records were rejected</source>
        <translation>被拒绝的记录超过 N 条时停止</translation>
    </message>
    <message>
        <source>write rejected records to a CSV file</source>
        <translation>将被拒绝的记录写入 CSV 文件</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>result file (.json or .csv; rows for filter/convert: .csv/.jsonl/.json)</source>
        <translation>结果文件（.json 或 .csv；filter/convert 输出行：.csv/.jsonl/.json）</translation>
    </message>
    <message>
        <source>one row per task attempt</source>
        <translation>每次任务尝试一行</translation>
    </message>
    <message>
        <source>Chrome Trace Event Format (Perfetto, chrome://tracing)</source>
        <translation>Chrome 跟踪事件格式（Perfetto、chrome://tracing）</translation>
    </message>
    <message>
        <source>show the progress line (default: when stderr is a terminal)</source>
        <translation>显示进度行（默认：stderr 是终端时显示）</translation>
    </message>
    <message>
        <source>hide the progress line</source>
        <translation>隐藏进度行</translation>
    </message>
    <message>
        <source>no progress line and no notes on stderr</source>
        <translation>不在 stderr 上显示进度行和提示</translation>
    </message>
    <message>
        <source>groupby</source>
        <translation>groupby（分组）</translation>
    </message>
    <message>
        <source>key columns</source>
        <translation>键列</translation>
    </message>
    <message>
        <source>count, sum:COL, mean:COL, min:COL, max:COL, std:COL (default count)</source>
        <translation>count、sum:COL、mean:COL、min:COL、max:COL、std:COL（默认 count）</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>filter（筛选）</translation>
    </message>
    <message>
        <source>keep records where EXPR holds, e.g. &quot;temp &gt; 20 and city == &apos;Oslo&apos;&quot;</source>
        <translation>保留满足 EXPR 的记录，例如 &quot;temp &gt; 20 and city == &apos;Oslo&apos;&quot;</translation>
    </message>
    <message>
        <source>wordcount</source>
        <translation>wordcount（词频）</translation>
    </message>
    <message>
        <source>text column (default: whole records)</source>
        <translation>文本列（默认：整条记录）</translation>
    </message>
    <message>
        <source>how many terms (default 20)</source>
        <translation>词条数量（默认 20）</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>synthetic（合成任务）</translation>
    </message>
    <message>
        <source>number of tasks (default 1000)</source>
        <translation>任务数（默认 1000）</translation>
    </message>
    <message>
        <source>mean task duration (default 5)</source>
        <translation>任务平均耗时（默认 5）</translation>
    </message>
    <message>
        <source>tasks sleep instead of spinning a core</source>
        <translation>任务以休眠代替占用 CPU 核心忙等</translation>
    </message>
    <message>
        <source>memory demand per task</source>
        <translation>每个任务的内存需求</translation>
    </message>
    <message>
        <source>probability an attempt fails (0..1)</source>
        <translation>单次尝试失败的概率（0..1）</translation>
    </message>
    <message>
        <source>random seed (default 42)</source>
        <translation>随机种子（默认 42）</translation>
    </message>
    <message>
        <source>--%1 needs an integer &gt;= %2, got &apos;%3&apos;</source>
        <translation>--%1 需要大于等于 %2 的整数，实际为“%3”</translation>
    </message>
    <message>
        <source>--%1 needs a number in [%2, %3], got &apos;%4&apos;</source>
        <translation>--%1 需要 [%2, %3] 范围内的数，实际为“%4”</translation>
    </message>
    <message>
        <source>--%1 needs a size such as 4MiB, 512k or 1000, got &apos;%2&apos;</source>
        <translation>--%1 需要 4MiB、512k 或 1000 这样的大小，实际为“%2”</translation>
    </message>
    <message>
        <source>--delimiter needs one ASCII character (or &apos;tab&apos;), got &apos;%1&apos;</source>
        <translation>--delimiter 需要一个 ASCII 字符（或“tab”），实际为“%1”</translation>
    </message>
    <message>
        <source>--chunk-rows and --chunk-bytes exclude each other</source>
        <translation>--chunk-rows 与 --chunk-bytes 不能同时使用</translation>
    </message>
    <message>
        <source>--partition must be fixed, guided or auto, got &apos;%1&apos;</source>
        <translation>--partition 必须是 fixed、guided 或 auto，实际为“%1”</translation>
    </message>
    <message>
        <source>--policy must be fifo, priority, shortest, longest or fair, got &apos;%1&apos;</source>
        <translation>--policy 必须是 fifo、priority、shortest、longest 或 fair，实际为“%1”</translation>
    </message>
    <message>
        <source>--format must be auto, csv, tsv, jsonl or sqlite, got &apos;%1&apos;</source>
        <translation>--format 必须是 auto、csv、tsv、jsonl 或 sqlite，实际为“%1”</translation>
    </message>
    <message>
        <source>--table and --query exclude each other</source>
        <translation>--table 与 --query 不能同时使用</translation>
    </message>
    <message>
        <source>--on-bad-row must be skip or fail, got &apos;%1&apos;</source>
        <translation>--on-bad-row 必须是 skip 或 fail，实际为“%1”</translation>
    </message>
    <message>
        <source>--max-bad-rows and --on-bad-row fail exclude each other</source>
        <translation>--max-bad-rows 与 --on-bad-row fail 不能同时使用</translation>
    </message>
    <message>
        <source>--progress and --no-progress exclude each other</source>
        <translation>--progress 与 --no-progress 不能同时使用</translation>
    </message>
    <message>
        <source>--%1 needs a file name</source>
        <translation>--%1 需要一个文件名</translation>
    </message>
    <message>
        <source>groupby needs --by COL[,COL...]</source>
        <translation>groupby 需要 --by COL[,COL...]</translation>
    </message>
    <message>
        <source>filter needs --where EXPR</source>
        <translation>filter 需要 --where EXPR</translation>
    </message>
    <message>
        <source>--duration must be one of %1, got &apos;%2&apos;</source>
        <translation>--duration 必须是 %1 之一，实际为“%2”</translation>
    </message>
    <message>
        <source>--seed needs a non-negative integer, got &apos;%1&apos;</source>
        <translation>--seed 需要非负整数，实际为“%1”</translation>
    </message>
    <message>
        <source>--out must end in .%1, got &apos;%2&apos;</source>
        <translation>--out 必须以 .%1 结尾，实际为“%2”</translation>
    </message>
    <message>
        <source>%1 record(s) rejected</source>
        <translation>已拒绝 %1 条记录</translation>
    </message>
    <message>
        <source>, first at line %1: %2</source>
        <translation>，首条位于第 %1 行：%2</translation>
    </message>
    <message>
        <source> (--rejects FILE lists them)</source>
        <translation>（--rejects FILE 可列出这些记录）</translation>
    </message>
    <message>
        <source>convert needs --out FILE (.csv, .jsonl or .json)</source>
        <translation>convert 需要 --out FILE（.csv、.jsonl 或 .json）</translation>
    </message>
    <message>
        <source>interrupted: %1 of %2 tasks done</source>
        <translation>已中断：完成 %1/%2 个任务</translation>
    </message>
    <message>
        <source>%1 task(s) failed after %2 retries: %3</source>
        <translation>%1 个任务在重试 %2 次后仍失败：%3</translation>
    </message>
    <message>
        <source>run ended without a result (%1)</source>
        <translation>运行结束但没有结果（%1）</translation>
    </message>
    <message>
        <source>Dialect, schema, row count and bad records of a dataset.</source>
        <translation>显示数据集的格式方言、结构、行数和错误记录。</translation>
    </message>
    <message>
        <source>--out must end in .json, got &apos;%1&apos;</source>
        <translation>--out 必须以 .json 结尾，实际为“%1”</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>runs per setting; the table shows their median (default 3)</source>
        <translation>每组设置的运行次数；表中显示其中位数（默认 3）</translation>
    </message>
    <message>
        <source>chunk sizes in records</source>
        <translation>以记录数计的分块大小</translation>
    </message>
    <message>
        <source>chunk sizes in bytes</source>
        <translation>以字节计的分块大小</translation>
    </message>
    <message>
        <source>worker counts (default 1,2,4... up to the cores)</source>
        <translation>工作线程数列表（默认 1,2,4… 直至核心数）</translation>
    </message>
    <message>
        <source>policies (default fifo)</source>
        <translation>调度策略（默认 fifo）</translation>
    </message>
    <message>
        <source>the sweep table (default: stdout)</source>
        <translation>扫描结果表（默认：标准输出）</translation>
    </message>
    <message>
        <source>--%1 needs a comma-separated list of positive %2, got &apos;%3&apos;</source>
        <translation>--%1 需要以逗号分隔的正%2列表，实际为“%3”</translation>
    </message>
    <message>
        <source>sizes</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>integers</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>Runs an analysis over a grid of chunk sizes, worker counts and policies.</source>
        <translation>在分块大小、工作线程数和调度策略的组合网格上运行分析。</translation>
    </message>
    <message>
        <source>sweep needs --analysis NAME</source>
        <translation>sweep 需要 --analysis NAME</translation>
    </message>
    <message>
        <source>unknown analysis &apos;%1&apos;</source>
        <translation>未知的分析“%1”</translation>
    </message>
    <message>
        <source>missing DATASET argument</source>
        <translation>缺少 DATASET 参数</translation>
    </message>
    <message>
        <source>synthetic takes no DATASET</source>
        <translation>synthetic 不接受 DATASET</translation>
    </message>
    <message>
        <source>--out must end in .csv, got &apos;%1&apos;</source>
        <translation>--out 必须以 .csv 结尾，实际为“%1”</translation>
    </message>
    <message>
        <source>--policy: unknown policy &apos;%1&apos;</source>
        <translation>--policy：未知的策略“%1”</translation>
    </message>
    <message>
        <source>interrupted at setting %1 of %2</source>
        <translation>在第 %1 组设置（共 %2 组）时中断</translation>
    </message>
    <message>
        <source>[%1/%2] %3: median %4 ms</source>
        <translation>[%1/%2] %3：中位数 %4 毫秒</translation>
    </message>
    <message>
        <source>warning: results differ between settings</source>
        <translation>警告：不同设置下的结果不一致</translation>
    </message>
    <message>
        <source>interrupted while reading %1</source>
        <translation>读取 %1 时被中断</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>未知的选项“%1”</translation>
    </message>
    <message>
        <source>unknown option &apos;--%1&apos;</source>
        <translation>未知的选项“--%1”</translation>
    </message>
    <message>
        <source>option &apos;--%1&apos; takes no value</source>
        <translation>选项“--%1”不接受值</translation>
    </message>
    <message>
        <source>option &apos;--%1&apos; needs a value (%2)</source>
        <translation>选项“--%1”需要一个值（%2）</translation>
    </message>
    <message>
        <source>missing arguments</source>
        <translation>缺少参数</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>
%1:
</source>
        <translation>
%1：
</translation>
    </message>
    <message>
        <source>this text</source>
        <translation>显示本帮助</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1% | %2/%3 tasks | %4 rows/s | %5 MB/s</source>
        <translation>%1% | %2/%3 个任务 | %4 行/秒 | %5 MB/秒</translation>
    </message>
    <message>
        <source> | ETA </source>
        <translation> | 预计剩余 </translation>
    </message>
    <message>
        <source>0 ms</source>
        <translation>0 毫秒</translation>
    </message>
    <message>
        <source> | %1 failed</source>
        <translation> | %1 个失败</translation>
    </message>
    <message>
        <source> (%1 retries)</source>
        <translation>（重试 %1 次）</translation>
    </message>
    <message>
        <source> | cancelling</source>
        <translation> | 正在取消</translation>
    </message>
    <message>
        <source>sweep</source>
        <translation>sweep（扫描）</translation>
    </message>
    <message>
        <source>list, show, compare and remove saved runs</source>
        <translation>列出、查看、比较和删除已保存的运行</translation>
    </message>
    <message>
        <source>do not save the run to the history (history list shows saved runs)</source>
        <translation>不将本次运行保存到运行历史（history list 可列出已保存的运行）</translation>
    </message>
    <message>
        <source>run ID must be a positive integer, got &apos;%1&apos;</source>
        <translation>运行 ID 必须是正整数，实际为“%1”</translation>
    </message>
    <message>
        <source>Lists, shows, compares and removes the runs saved in the history.</source>
        <translation>列出、查看、比较和删除运行历史中保存的运行。</translation>
    </message>
    <message>
        <source>The history is %1 (SUPERFLOW_HISTORY overrides it).</source>
        <translation>运行历史位于 %1（可用 SUPERFLOW_HISTORY 覆盖）。</translation>
    </message>
    <message>
        <source>print JSON instead of a table</source>
        <translation>输出 JSON 而不是表格</translation>
    </message>
    <message>
        <source>history needs list, show, compare or remove</source>
        <translation>history 需要 list、show、compare 或 remove</translation>
    </message>
    <message>
        <source>unknown history action &apos;%1&apos;</source>
        <translation>未知的 history 操作“%1”</translation>
    </message>
    <message numerus="yes">
        <source>history %1 takes %n run ID(s)</source>
        <translation>
            <numerusform>history %1 需要 %n 个运行 ID</numerusform>
        </translation>
    </message>
    <message>
        <source>no run %1 in the history</source>
        <translation>运行历史中没有运行 %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>removed run %1</source>
        <translation>已删除运行 %1</translation>
    </message>
    <message>
        <source>time the settings on N chunks of the largest size: the first N, or N spread evenly over the dataset</source>
        <translation>在 N 个最大尺寸的分块上对各组设置计时：取前 N 个，或在整个数据集中均匀取 N 个</translation>
    </message>
    <message>
        <source>also write the cells, their diagnostics and the recommendation as JSON</source>
        <translation>同时将各单元格、其诊断信息和推荐结果写为 JSON</translation>
    </message>
    <message>
        <source>--sample needs a dataset; synthetic has none</source>
        <translation>--sample 需要数据集；synthetic 没有数据集</translation>
    </message>
    <message>
        <source>warning: the run was not saved to the history: %1</source>
        <translation>警告：本次运行未保存到运行历史：%1</translation>
    </message>
    <message>
        <source>warning: old runs were not removed from the history: %1</source>
        <translation>警告：未能从运行历史中删除旧的运行：%1</translation>
    </message>
    <message>
        <source>%1 worker(s), %2</source>
        <translation>%1 个工作线程，%2</translation>
    </message>
    <message>
        <source>The history holds no runs yet.</source>
        <translation>运行历史中还没有运行。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>chunk</source>
        <translation>分块</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>工作线程数</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>调度策略</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>wall ms</source>
        <translation>总耗时（毫秒）</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>Run %1 (%2, %3)</source>
        <translation>运行 %1（%2，%3）</translation>
    </message>
    <message>
        <source>job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>fingerprint</source>
        <translation>文件指纹</translation>
    </message>
    <message>
        <source>%1, modified %2, head hash %3</source>
        <translation>%1，修改于 %2，头部哈希 %3</translation>
    </message>
    <message>
        <source>file was not readable</source>
        <translation>文件无法读取</translation>
    </message>
    <message>
        <source>chunks</source>
        <translation>分块</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>memory budget</source>
        <translation>内存预算</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>总耗时</translation>
    </message>
    <message>
        <source>%1 (%2 failed, %3 retries)</source>
        <translation>%1（%2 个失败，重试 %3 次）</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>task ms</source>
        <translation>任务耗时（毫秒）</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>工作线程</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>busy ms</source>
        <translation>忙碌（毫秒）</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>忙碌占比</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Run %1: %2 %3, %4</source>
        <translation>运行 %1：%2 %3，%4</translation>
    </message>
    <message>
        <source>note: the runs read different data (dataset or fingerprint differ)</source>
        <translation>注意：这些运行读取的数据不同（数据集或文件指纹不一致）</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <source>task %1 ms</source>
        <translation>任务 %1（毫秒）</translation>
    </message>
    <message>
        <source>task ms from</source>
        <translation>任务耗时下限（毫秒）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>render the sweep charts (heatmap, speedup, efficiency) of the best policy, without a display</source>
        <translation>无需显示器，渲染最佳调度策略的参数扫描图表（热力图、加速比、并行效率）</translation>
    </message>
    <message>
        <source>size of the --plot page in pixels or points (default 1200x900)</source>
        <translation>--plot 页面的尺寸，单位为像素或点（默认 1200x900）</translation>
    </message>
    <message>
        <source>--plot-size needs --plot FILE</source>
        <translation>--plot-size 需要同时指定 --plot FILE</translation>
    </message>
    <message>
        <source>--plot must end in .png, .svg or .pdf, got &apos;%1&apos;</source>
        <translation>--plot 必须以 .png、.svg 或 .pdf 结尾，实际为“%1”</translation>
    </message>
    <message>
        <source>--plot is not available: this superflow-cli was built without the chart library</source>
        <translation>--plot 不可用：此 superflow-cli 构建时未包含图表库</translation>
    </message>
    <message>
        <source>--plot-size needs WIDTHxHEIGHT between 200 and 10000, got &apos;%1&apos;</source>
        <translation>--plot-size 需要 200 到 10000 之间的 宽x高，实际为“%1”</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>optional: .csv, .jsonl or .json</source>
        <translation>可选：.csv、.jsonl 或 .json</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Write rows to</source>
        <translation>行写入</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl);;JSON (*.json)</source>
        <translation>CSV 文件 (*.csv);;JSON Lines 文件 (*.jsonl);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>%1: unknown chart format (use .png, .svg or .pdf)</source>
        <translation>%1：未知的图表格式（请使用 .png、.svg 或 .pdf）</translation>
    </message>
    <message>
        <source>%1: chart size %2×%3 is empty</source>
        <translation>%1：图表尺寸 %2×%3 为空</translation>
    </message>
    <message>
        <source>%1: could not render the chart</source>
        <translation>%1：无法渲染图表</translation>
    </message>
    <message>
        <source>histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Tuning</name>
    <message>
        <source>too many tiny tasks: %1 task(s) of %2 ms on average; scheduling and per-task overhead took %3 of worker time</source>
        <translation>细小任务过多：%1 个任务，平均每个 %2 毫秒；调度和单任务开销占用了 %3 的工作线程时间</translation>
    </message>
    <message>
        <source>too few large tasks: %1 task(s) for %2 worker(s); workers sat idle after their last task for %3 of the run</source>
        <translation>大任务过少：%1 个任务对应 %2 个工作线程；工作线程完成最后一个任务后，在 %3 的运行时间里处于空闲</translation>
    </message>
    <message>
        <source>memory budget hit: %1 task(s) waited for the %2 budget while workers were free (%3 of worker time)</source>
        <translation>触及内存预算：%1 个任务在工作线程空闲时等待 %2 的预算（占工作线程时间的 %3）</translation>
    </message>
    <message>
        <source>fewer workers: %1 instead of %2</source>
        <translation>工作线程较少：%1 个而非 %2 个</translation>
    </message>
    <message>
        <source>more workers than pay off: each row took %1 longer than with %2 worker(s) (contention for cores, memory or disk)</source>
        <translation>工作线程多到得不偿失：每行比使用 %2 个工作线程时多耗时 %1（争用 CPU 核心、内存或磁盘）</translation>
    </message>
    <message>
        <source>within %1 of the best: measurement noise</source>
        <translation>与最佳相差不到 %1：属于测量噪声</translation>
    </message>
    <message>
        <source>slower, with no single measured cause (overhead %1, tail idle %2 of worker time)</source>
        <translation>较慢，但没有单一的可测原因（开销占工作线程时间的 %1，尾部空闲占 %2）</translation>
    </message>
    <message>
        <source>No setting finished, so there is nothing to recommend.</source>
        <translation>没有任何设置运行完成，因此无可推荐。</translation>
    </message>
    <message>
        <source>Best: %1, median %2 ms</source>
        <translation>最佳：%1，中位数 %2 毫秒</translation>
    </message>
    <message>
        <source>; speedup %1× over %2 worker(s), %3 of the ideal %4×</source>
        <translation>；相对 %2 个工作线程的加速比为 %1×，达到理想值 %4× 的 %3</translation>
    </message>
    <message>
        <source>Held back from ideal by %1</source>
        <translation>未达理想值的原因：%1</translation>
    </message>
    <message>
        <source>Why the others lose:</source>
        <translation>其他设置较慢的原因：</translation>
    </message>
    <message>
        <source>%1: %2× slower — %3</source>
        <translation>%1：耗时为最佳的 %2× — %3</translation>
    </message>
    <message>
        <source>(%1 more)</source>
        <translation>（还有 %1 项）</translation>
    </message>
    <message>
        <source>sample must be first:N or stratified:N with N ≥ 1, got &apos;%1&apos;</source>
        <translation>抽样必须是 first:N 或 stratified:N（N ≥ 1），实际为“%1”</translation>
    </message>
    <message>
        <source>the sweep needs at least one chunk size</source>
        <translation>参数扫描至少需要一个分块大小</translation>
    </message>
    <message>
        <source>the sweep needs at least one worker count</source>
        <translation>参数扫描至少需要一个工作线程数</translation>
    </message>
    <message>
        <source>the sweep needs at least one policy</source>
        <translation>参数扫描至少需要一种调度策略</translation>
    </message>
    <message>
        <source>the sweep needs at least one run per setting</source>
        <translation>参数扫描的每组设置至少需要运行一次</translation>
    </message>
    <message>
        <source>chunk sizes must be positive</source>
        <translation>分块大小必须为正数</translation>
    </message>
    <message>
        <source>worker counts must be positive</source>
        <translation>工作线程数必须为正数</translation>
    </message>
    <message>
        <source>the sweep has no analysis</source>
        <translation>参数扫描未指定分析</translation>
    </message>
    <message>
        <source>a sample needs a dataset; this analysis reads none</source>
        <translation>抽样需要数据集；该分析不读取数据集</translation>
    </message>
    <message>
        <source>The sample %1 covers the whole dataset (%2 rows).</source>
        <translation>样本 %1 覆盖了整个数据集（%2 行）。</translation>
    </message>
    <message>
        <source>%1 of %2 rows, %3</source>
        <translation>%1 / %2 行，%3</translation>
    </message>
    <message>
        <source>Measured on a sample: the first %1 chunks of %2 rows (%3).</source>
        <translation>基于样本测量：前 %1 个分块，每块 %2 行（%3）。</translation>
    </message>
    <message>
        <source>Measured on a stratified sample: %1 chunks of %2 rows spread evenly over the dataset (%3).</source>
        <translation>基于分层样本测量：在数据集中均匀分布的 %1 个分块，每块 %2 行（%3）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Workbench for partitioned, parallel data analysis.</source>
        <translation>分区并行数据分析工作台。</translation>
    </message>
    <message>
        <source>Dataset to open (CSV, TSV, JSON Lines, JSON, SQLite; gzip/zstd).</source>
        <translation>要打开的数据集（CSV、TSV、JSON Lines、JSON、SQLite；支持 gzip/zstd 压缩）。</translation>
    </message>
    <message>
        <source>Analysis to select: profile, groupby, filter, wordcount, convert, synthetic.</source>
        <translation>要选择的分析：profile、groupby、filter、wordcount、convert、synthetic。</translation>
    </message>
    <message>
        <source>Chunk size in rows.</source>
        <translation>以行计的分块大小。</translation>
    </message>
    <message>
        <source>Chunk size in bytes, e.g. 4MiB.</source>
        <translation>以字节计的分块大小，例如 4MiB。</translation>
    </message>
    <message>
        <source>Worker threads (1 … 4 × cores).</source>
        <translation>工作线程数（1 … 4 × 核心数）。</translation>
    </message>
    <message>
        <source>Scheduling policy: fifo, priority, shortest, longest, fair.</source>
        <translation>调度策略：fifo、priority、shortest、longest、fair。</translation>
    </message>
    <message>
        <source>Start the run as soon as the dataset is open.</source>
        <translation>数据集一打开就开始运行。</translation>
    </message>
    <message>
        <source>expected at most one DATASET, got %1</source>
        <translation>最多只能指定一个 DATASET，实际为 %1 个</translation>
    </message>
    <message>
        <source>--chunk-rows and --chunk-bytes exclude each other</source>
        <translation>--chunk-rows 与 --chunk-bytes 不能同时使用</translation>
    </message>
    <message>
        <source>unknown analysis &quot;%1&quot;</source>
        <translation>未知的分析“%1”</translation>
    </message>
    <message>
        <source>--chunk-rows: &quot;%1&quot; is not a positive number</source>
        <translation>--chunk-rows：“%1”不是正数</translation>
    </message>
    <message>
        <source>--chunk-bytes: &quot;%1&quot; is not a size such as 4MiB</source>
        <translation>--chunk-bytes：“%1”不是 4MiB 这样的大小</translation>
    </message>
    <message>
        <source>--workers: &quot;%1&quot; is not in 1 … %2</source>
        <translation>--workers：“%1”不在 1 … %2 范围内</translation>
    </message>
    <message>
        <source>--policy: unknown policy &quot;%1&quot;</source>
        <translation>--policy：未知的策略“%1”</translation>
    </message>
</context>
<context>
    <name>sf::ui::AnalysisOptionsForm</name>
    <message>
        <source>No options.</source>
        <translation>无选项。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>分组依据</translation>
    </message>
    <message>
        <source>Aggregates</source>
        <translation>聚合</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Matching rows to</source>
        <translation>匹配行写入</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>文本列</translation>
    </message>
    <message>
        <source>Top terms</source>
        <translation>高频词数</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>CPU-bound (spin); otherwise sleep</source>
        <translation>占用 CPU（忙等）；否则休眠</translation>
    </message>
    <message>
        <source>Memory demand per task, e.g. 64MiB</source>
        <translation>每个任务的内存需求，例如 64MiB</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Durations</source>
        <translation>耗时分布</translation>
    </message>
    <message>
        <source>Mean duration</source>
        <translation>平均耗时</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>失败率</translation>
    </message>
    <message>
        <source>Memory per task</source>
        <translation>每任务内存</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>(whole lines)</source>
        <translation>（整行）</translation>
    </message>
    <message>
        <source>Choose an analysis.</source>
        <translation>请选择一种分析。</translation>
    </message>
    <message>
        <source>Memory per task: &quot;%1&quot; is not a size such as 64MiB.</source>
        <translation>每任务内存：“%1”不是 64MiB 这样的大小。</translation>
    </message>
    <message>
        <source>Unknown analysis %1.</source>
        <translation>未知的分析 %1。</translation>
    </message>
    <message>
        <source>Open a dataset for %1.</source>
        <translation>请为 %1 打开一个数据集。</translation>
    </message>
    <message>
        <source>The options do not fit the dataset.</source>
        <translation>选项与数据集不匹配。</translation>
    </message>
    <message>
        <source>✓ Options are valid.</source>
        <translation>✓ 选项有效。</translation>
    </message>
    <message>
        <source>Tick one or more Group by columns.</source>
        <translation>请勾选一个或多个分组列。</translation>
    </message>
    <message>
        <source>Type a filter expression, such as temp &gt; 20.</source>
        <translation>请输入筛选表达式，例如 temp &gt; 20。</translation>
    </message>
    <message>
        <source>Choose the file to write to.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
</context>
<context>
    <name>sf::ui::ChartExportDialog</name>
    <message>
        <source>Export &quot;%1&quot;</source>
        <translation>导出“%1”</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>As on screen (%1 × %2)</source>
        <translation>与屏幕相同（%1 × %2）</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Pixels for PNG; points for SVG and PDF</source>
        <translation>PNG 以像素为单位；SVG 和 PDF 以点为单位</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
</context>
<context>
    <name>sf::ui::ChunkSizeEdit</name>
    <message>
        <source>Rows per chunk, or bytes such as 4MiB</source>
        <translation>每块的行数，或 4MiB 这样的字节数</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Chunk size &quot;%1&quot; is not a positive number of rows.</source>
        <translation>分块大小“%1”不是正的行数。</translation>
    </message>
    <message>
        <source>Chunk size &quot;%1&quot; is not a size such as 4MiB.</source>
        <translation>分块大小“%1”不是 4MiB 这样的大小。</translation>
    </message>
</context>
<context>
    <name>sf::ui::ComparisonHistogram</name>
    <message>
        <source>Task durations, both runs on the same bins</source>
        <translation>任务耗时（两次运行使用相同分箱）</translation>
    </message>
    <message>
        <source>task duration (ms), bin lower edge</source>
        <translation>任务耗时（毫秒），分箱下界</translation>
    </message>
    <message>
        <source>share of the run&apos;s tasks (%)</source>
        <translation>占该运行任务的比例（%）</translation>
    </message>
    <message>
        <source>run %1 (%2 tasks)</source>
        <translation>运行 %1（%2 个任务）</translation>
    </message>
    <message>
        <source>task duration (ms, log bins), bin lower edge</source>
        <translation>任务耗时（毫秒，对数分箱），分箱下界</translation>
    </message>
</context>
<context>
    <name>sf::ui::ComparisonView</name>
    <message>
        <source>%1 worker(s), %2</source>
        <translation>%1 个工作线程，%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt; — %2, %3: &lt;b&gt;%4 ms&lt;/b&gt;</source>
        <translation>&lt;b&gt;运行 %1&lt;/b&gt; — %2，%3：&lt;b&gt;%4 毫秒&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select two runs and press Compare.</source>
        <translation>请选择两次运行，然后点击“比较”。</translation>
    </message>
    <message>
        <source>Run %1 took %2× the wall time of run %3: %4% faster.</source>
        <translation>运行 %1 的总耗时是运行 %3 的 %2×：快 %4%。</translation>
    </message>
    <message>
        <source>Run %1 took %2× the wall time of run %3: %4% slower.</source>
        <translation>运行 %1 的总耗时是运行 %3 的 %2×：慢 %4%。</translation>
    </message>
    <message>
        <source>The runs read different data.</source>
        <translation>这两次运行读取的数据不同。</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <source>wall ms</source>
        <translation>总耗时（毫秒）</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>task %1 ms</source>
        <translation>任务 %1（毫秒）</translation>
    </message>
</context>
<context>
    <name>sf::ui::DatasetLoader</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>sf::ui::DatasetPage</name>
    <message>
        <source>uncompressed</source>
        <translation>未压缩</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>%1 columns</source>
        <translation>%1 列</translation>
    </message>
    <message>
        <source>delimiter &apos;%1&apos;</source>
        <translation>分隔符“%1”</translation>
    </message>
    <message>
        <source>header</source>
        <translation>有表头</translation>
    </message>
    <message>
        <source>no header</source>
        <translation>无表头</translation>
    </message>
    <message>
        <source>opened in %1 ms</source>
        <translation>打开用时 %1 毫秒</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open datasets</source>
        <translation>已打开的数据集</translation>
    </message>
    <message>
        <source>Open a dataset: File ▸ Open (Ctrl+O), drop a file here, or pick a recent one.</source>
        <translation>打开数据集：选择“文件 ▸ 打开”（Ctrl+O），把文件拖放到这里，或选择最近打开的文件。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Raw text</source>
        <translation>原始文本</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>Datasets (*.csv *.tsv *.txt *.jsonl *.ndjson *.json *.gz *.zst *.sqlite *.db);;All files (*)</source>
        <translation>数据集 (*.csv *.tsv *.txt *.jsonl *.ndjson *.json *.gz *.zst *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opening cancelled.</source>
        <translation>已取消打开。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Opened %1: %2 rows</source>
        <translation>已打开 %1：%2 行</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Bad records</source>
        <translation>错误记录</translation>
    </message>
    <message>
        <source>Bad records in the index and the first %1 rows: %2</source>
        <translation>索引及前 %1 行中的错误记录：%2</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <source> · no bad records in the first %1 rows</source>
        <translation> · 前 %1 行中没有错误记录</translation>
    </message>
</context>
<context>
    <name>sf::ui::DialectBar</name>
    <message>
        <source>Field delimiter; type any single character</source>
        <translation>字段分隔符；可输入任意单个字符</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>pandas defaults</source>
        <translation>pandas 默认值</translation>
    </message>
    <message>
        <source>Comma-separated texts read as null</source>
        <translation>以逗号分隔、读作空值的文本</translation>
    </message>
    <message>
        <source>All strings</source>
        <translation>全部按字符串</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引号</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Nulls</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Table to read</source>
        <translation>要读取的表</translation>
    </message>
    <message>
        <source>or a query: SELECT … (Enter to run)</source>
        <translation>或输入查询：SELECT …（按 Enter 执行）</translation>
    </message>
    <message>
        <source>A query to read instead of a table; runs when you press Enter</source>
        <translation>以查询代替表来读取；按 Enter 时执行</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>(the only table)</source>
        <translation>（唯一的表）</translation>
    </message>
    <message>
        <source>(choose a table)</source>
        <translation>（请选择表）</translation>
    </message>
</context>
<context>
    <name>sf::ui::DurationHistogramChart</name>
    <message>
        <source>Task durations</source>
        <translation>任务耗时</translation>
    </message>
    <message>
        <source>duration (log scale)</source>
        <translation>耗时（对数刻度）</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>stragglers</source>
        <translation>拖尾任务</translation>
    </message>
</context>
<context>
    <name>sf::ui::ErrorsPanel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工作线程</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Raw record</source>
        <translation>原始记录</translation>
    </message>
    <message>
        <source>Failed attempts: %1</source>
        <translation>失败的尝试：%1</translation>
    </message>
    <message>
        <source>Rejected records: %1</source>
        <translation>被拒绝的记录：%1</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>W%1</translation>
    </message>
    <message>
        <source>Task %1, attempt %2
Error: %3</source>
        <translation>任务 %1，第 %2 次尝试
错误：%3</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>, column %1</source>
        <translation>，第 %1 列</translation>
    </message>
    <message>
        <source> (record %1)</source>
        <translation>（记录 %1）</translation>
    </message>
    <message>
        <source>, byte offset %1
Reason: %2

Raw record (%3 bytes):
%4</source>
        <translation>，字节偏移 %1
原因：%2

原始记录（%3 字节）：
%4</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source> · rejected records: 0</source>
        <translation> · 被拒记录：0</translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>作业 %1</translation>
    </message>
</context>
<context>
    <name>sf::ui::ExportActions</name>
    <message>
        <source>Result (CSV/JSON)…</source>
        <translation>结果（CSV/JSON）…</translation>
    </message>
    <message>
        <source>Timings (CSV)…</source>
        <translation>耗时（CSV）…</translation>
    </message>
    <message>
        <source>Trace (Chrome JSON)…</source>
        <translation>跟踪（Chrome JSON）…</translation>
    </message>
    <message>
        <source>Rejected records (CSV)…</source>
        <translation>被拒绝的记录（CSV）…</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV 文件 (*.csv);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Export timings</source>
        <translation>导出耗时</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export trace</source>
        <translation>导出跟踪</translation>
    </message>
    <message>
        <source>Chrome Trace JSON (*.json)</source>
        <translation>Chrome 跟踪 JSON (*.json)</translation>
    </message>
    <message>
        <source>Export rejected records</source>
        <translation>导出被拒绝的记录</translation>
    </message>
    <message>
        <source>No finished job to export.</source>
        <translation>没有已完成的作业可导出。</translation>
    </message>
    <message>
        <source>Job &quot;%1&quot; did not finish: no result to export.</source>
        <translation>作业“%1”未完成：没有可导出的结果。</translation>
    </message>
    <message>
        <source>No run to export.</source>
        <translation>没有可导出的运行。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>sf::ui::HistoryModel</name>
    <message>
        <source>workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>CLI</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>分块</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作线程数</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>调度策略</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Wall ms</source>
        <translation>总耗时（毫秒）</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
</context>
<context>
    <name>sf::ui::HistoryPage</name>
    <message>
        <source>Open charts</source>
        <translation>打开图表</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Filter runs (analysis, dataset, policy, status…)</source>
        <translation>筛选运行（分析、数据集、调度策略、状态…）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show the selected run&apos;s timing charts</source>
        <translation>显示所选运行的耗时图表</translation>
    </message>
    <message>
        <source>Select two runs to compare them side by side</source>
        <translation>选择两次运行进行并排比较</translation>
    </message>
    <message>
        <source>Double-click a run to see its charts.</source>
        <translation>双击某次运行即可查看其图表。</translation>
    </message>
    <message>
        <source>Run charts</source>
        <translation>运行图表</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Loading run %1…</source>
        <translation>正在加载运行 %1…</translation>
    </message>
    <message>
        <source>Run %1 — %2 · %3 · %4 worker(s) · %5 · %6 ms · %7 tasks</source>
        <translation>运行 %1 — %2 · %3 · %4 个工作线程 · %5 · %6 毫秒 · %7 个任务</translation>
    </message>
</context>
<context>
    <name>sf::ui::HistoryService</name>
    <message>
        <source>The run was not saved to the history: %1</source>
        <translation>本次运行未保存到运行历史：%1</translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>无法读取运行历史：%1</translation>
    </message>
    <message>
        <source>Cannot read run %1 from the history: %2</source>
        <translation>无法从运行历史读取运行 %1：%2</translation>
    </message>
    <message>
        <source>Cannot remove run %1: %2</source>
        <translation>无法删除运行 %1：%2</translation>
    </message>
</context>
<context>
    <name>sf::ui::LiveRunPage</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed or retried</source>
        <translation>失败或重试</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>已重试</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Stragglers</source>
        <translation>拖尾任务</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>sf::ui::MainWindow</name>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Run setup</source>
        <translation>运行设置</translation>
    </message>
    <message>
        <source>Live run</source>
        <translation>实时运行</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Superflow — %1</source>
        <translation>Superflow — %1</translation>
    </message>
    <message>
        <source>%1 · %2% · %3/%4 tasks · %5 rows/s%6</source>
        <translation>%1 · %2% · %3/%4 个任务 · %5 行/秒%6</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source> · ETA %1 s</source>
        <translation> · 预计剩余 %1 秒</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>&amp;Open dataset…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>取消运行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Workers…</source>
        <translation>工作线程(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Superflow</source>
        <translation>关于 Superflow(&amp;A)</translation>
    </message>
    <message>
        <source>About Superflow</source>
        <translation>关于 Superflow</translation>
    </message>
    <message>
        <source>&lt;b&gt;Superflow %1&lt;/b&gt;&lt;p&gt;A workbench for partitioned, parallel data analysis: partition, schedule, execute, monitor.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Superflow %1&lt;/b&gt;&lt;p&gt;分区并行数据分析工作台：分区、调度、执行、监控。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>A run is in progress; cancel it first (Esc).</source>
        <translation>有运行正在进行，请先取消（Esc）。</translation>
    </message>
    <message>
        <source>run %1 — %2</source>
        <translation>运行 %1 — %2</translation>
    </message>
    <message>
        <source>%1 · %2 tasks · %3 failed · %4 s</source>
        <translation>%1 · %2 个任务 · %3 个失败 · %4 秒</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作线程</translation>
    </message>
    <message>
        <source>Worker threads (1 … %1):</source>
        <translation>工作线程数（1 … %1）：</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>参数扫描</translation>
    </message>
    <message>
        <source>History</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>Run setup now uses %1</source>
        <translation>运行设置已改用 %1</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
</context>
<context>
    <name>sf::ui::PreviewModel</name>
    <message>
        <source>null</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>, has nulls</source>
        <translation>，含空值</translation>
    </message>
</context>
<context>
    <name>sf::ui::ProgressPanel</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>workers: </source>
        <translation>工作线程：</translation>
    </message>
    <message>
        <source>Worker count; takes effect at the next dispatch</source>
        <translation>工作线程数；在下一次分派任务时生效</translation>
    </message>
    <message>
        <source>tasks 0/0</source>
        <translation>任务 0/0</translation>
    </message>
    <message>
        <source>0 rows/s · 0.0 MB/s</source>
        <translation>0 行/秒 · 0.0 MB/秒</translation>
    </message>
    <message>
        <source>elapsed 0:00 · ETA —</source>
        <translation>已用 0:00 · 预计剩余 —</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>tasks %1/%2</source>
        <translation>任务 %1/%2</translation>
    </message>
    <message>
        <source> · %1 running · %2 queued</source>
        <translation> · %1 个运行中 · %2 个排队</translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation> · %1 个失败</translation>
    </message>
    <message>
        <source> · %1 retries</source>
        <translation> · 重试 %1 次</translation>
    </message>
    <message>
        <source>%1 rows/s · %2 MB/s</source>
        <translation>%1 行/秒 · %2 MB/秒</translation>
    </message>
    <message>
        <source>elapsed %1 · ETA %2</source>
        <translation>已用 %1 · 预计剩余 %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>作业 %1</translation>
    </message>
    <message>
        <source>%1: %2/%3 tasks%4</source>
        <translation>%1：%2/%3 个任务%4</translation>
    </message>
    <message>
        <source> ✓</source>
        <translation> ✓</translation>
    </message>
</context>
<context>
    <name>sf::ui::RecentMenu</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>sf::ui::ResultsPage</name>
    <message>
        <source>Results appear here when a run finishes.</source>
        <translation>运行结束后，结果将显示在这里。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Raw text</source>
        <translation>原始文本</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Rejected records</source>
        <translation>被拒绝的记录</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>%1: %2 · %3 rows read, %4 rejected · %5 tasks, %6 failed, %7 retries · %8 s</source>
        <translation>%1：%2 · 读取 %3 行，拒绝 %4 行 · %5 个任务，%6 个失败，重试 %7 次 · %8 秒</translation>
    </message>
    <message>
        <source>Rejected records (%1)</source>
        <translation>被拒绝的记录（%1）</translation>
    </message>
    <message>
        <source>Filter rows (text in any column)</source>
        <translation>筛选行（任一列中的文本）</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message>
        <source>Formatting the JSON document…</source>
        <translation>正在格式化 JSON 文档…</translation>
    </message>
    <message>
        <source>… %1 more lines not shown (%2 lines, %3 in all). Export the result as JSON (Ctrl+E) for the whole document.</source>
        <translation>… 另有 %1 行未显示（共 %2 行，%3）。将结果导出为 JSON（Ctrl+E）可查看完整文档。</translation>
    </message>
    <message>
        <source>filtering %1 rows…</source>
        <translation>正在筛选 %1 行…</translation>
    </message>
</context>
<context>
    <name>sf::ui::RunSetupPage</name>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>分块大小</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Estimated memory in flight, e.g. 512MiB; 0 = unlimited</source>
        <translation>同时占用的预估内存，例如 512MiB；0 表示不限</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Job priority</source>
        <translation>作业优先级</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作线程</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>内存预算</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>Task timeout</source>
        <translation>任务超时</translation>
    </message>
    <message>
        <source>Add job</source>
        <translation>添加作业</translation>
    </message>
    <message>
        <source>Clear queue</source>
        <translation>清空队列</translation>
    </message>
    <message>
        <source>Run (F5)</source>
        <translation>运行（F5）</translation>
    </message>
    <message>
        <source>Jobs queued on this run</source>
        <translation>本次运行排队的作业</translation>
    </message>
    <message>
        <source>Memory budget &quot;%1&quot; is not a size such as 512MiB.</source>
        <translation>内存预算“%1”不是 512MiB 这样的大小。</translation>
    </message>
    <message>
        <source>Open a dataset for %1 first.</source>
        <translation>请先为 %1 打开一个数据集。</translation>
    </message>
    <message>
        <source>%1 — %2 chunks of %3 %4, priority %5</source>
        <translation>%1 — %2 分块，每块 %3 %4，优先级 %5</translation>
    </message>
    <message>
        <source>%1 tasks; ~%2 per worker</source>
        <translation>%1 个任务；每个工作线程约 %2 个</translation>
    </message>
    <message>
        <source>Set a chunk size.</source>
        <translation>请设置分块大小。</translation>
    </message>
    <message>
        <source>The dataset is empty: no tasks.</source>
        <translation>数据集为空：没有任务。</translation>
    </message>
    <message>
        <source>at most ~%1 tasks, largest first, none under ~%2; ~%3 per worker at most</source>
        <translation>最多约 %1 个任务，先大后小，每块不小于约 %2；每个工作线程最多约 %3 个</translation>
    </message>
    <message>
        <source>~%1 tasks of ~%2 to start, then sized to ~%3 ms each</source>
        <translation>开始时约 %1 个任务，每个约 %2，之后按每个约 %3 毫秒调整大小</translation>
    </message>
    <message>
        <source>~%1 tasks of ~%2; ~%3 per worker</source>
        <translation>约 %1 个任务，每个约 %2；每个工作线程约 %3 个</translation>
    </message>
    <message>
        <source>Open a dataset to see how it is cut into tasks.</source>
        <translation>打开数据集即可查看它如何被切分为任务。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected job from the queue</source>
        <translation>从队列中移除所选作业</translation>
    </message>
    <message>
        <source>1 task of ~%1 on one worker</source>
        <translation>1 个任务，约 %1，在一个工作线程上</translation>
    </message>
</context>
<context>
    <name>sf::ui::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>One per core (%1)</source>
        <translation>每核一个（%1）</translation>
    </message>
    <message>
        <source>Worker threads a new run starts with</source>
        <translation>新运行开始时使用的工作线程数</translation>
    </message>
    <message>
        <source>Run defaults</source>
        <translation>运行默认值</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>工作线程(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Chunk size:</source>
        <translation>分块大小(&amp;C)：</translation>
    </message>
    <message>
        <source>Run history database; empty for the default</source>
        <translation>运行历史数据库；留空则使用默认位置</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source> runs</source>
        <translation> 次运行</translation>
    </message>
    <message>
        <source>The oldest runs are dropped beyond this many</source>
        <translation>超过此数量时丢弃最早的运行</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>位置(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Keep at most:</source>
        <translation>最多保留(&amp;K)：</translation>
    </message>
    <message>
        <source>The chunk size must be a positive number of rows.</source>
        <translation>分块大小必须是正的行数。</translation>
    </message>
    <message>
        <source>The chunk size must be a size such as 4MiB, 512k or 100000.</source>
        <translation>分块大小必须是 4MiB、512k 或 100000 这样的大小。</translation>
    </message>
    <message>
        <source>The history location must be a file, not a folder.</source>
        <translation>运行历史位置必须是文件，而不是文件夹。</translation>
    </message>
    <message>
        <source>The new language takes effect when Superflow is restarted.</source>
        <translation>新语言将在重新启动 Superflow 后生效。</translation>
    </message>
    <message>
        <source>Takes effect when Superflow is restarted.</source>
        <translation>重新启动 Superflow 后生效。</translation>
    </message>
    <message>
        <source>Run history location</source>
        <translation>运行历史位置</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>sf::ui::SweepHeatmap</name>
    <message>
        <source>Median wall time (ms): chunk size × workers</source>
        <translation>总耗时中位数（毫秒）：分块大小 × 工作线程数</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>chunk size</source>
        <translation>分块大小</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>工作线程数</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>chunk size (bytes)</source>
        <translation>分块大小（字节）</translation>
    </message>
    <message>
        <source>chunk size (rows)</source>
        <translation>分块大小（行）</translation>
    </message>
</context>
<context>
    <name>sf::ui::SweepPage</name>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Chunk sizes to try, separated by commas (bytes: 4MiB, 512k …)</source>
        <translation>要尝试的分块大小，以逗号分隔（字节：4MiB、512k …）</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Chunk sizes:</source>
        <translation>分块大小：</translation>
    </message>
    <message>
        <source>Worker counts to try, separated by commas</source>
        <translation>要尝试的工作线程数，以逗号分隔</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>工作线程数：</translation>
    </message>
    <message>
        <source>Policies:</source>
        <translation>调度策略：</translation>
    </message>
    <message>
        <source>Runs per setting; cells show their median</source>
        <translation>每组设置的运行次数；单元格显示其中位数</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>重复次数：</translation>
    </message>
    <message>
        <source>whole dataset</source>
        <translation>整个数据集</translation>
    </message>
    <message>
        <source>first N chunks</source>
        <translation>前 N 个分块</translation>
    </message>
    <message>
        <source>N chunks spread evenly</source>
        <translation>均匀分布的 N 个分块</translation>
    </message>
    <message>
        <source>N = </source>
        <translation>N = </translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation>抽样：</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>运行参数扫描</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>%v / %m 次运行</translation>
    </message>
    <message>
        <source>Charts show policy:</source>
        <translation>图表显示的调度策略：</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Run a sweep to get a recommendation.</source>
        <translation>运行参数扫描以获取推荐。</translation>
    </message>
    <message>
        <source>Apply to Run setup</source>
        <translation>应用到运行设置</translation>
    </message>
    <message>
        <source>Use the best chunk size, worker count and policy on the Run setup page</source>
        <translation>在“运行设置”页面上使用最佳的分块大小、工作线程数和调度策略</translation>
    </message>
    <message>
        <source>Chunk sizes: &apos;%1&apos; is not a positive %2.</source>
        <translation>分块大小：“%1”不是正的%2。</translation>
    </message>
    <message>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>number of rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Workers: &apos;%1&apos; is not a worker count (1 … 1024).</source>
        <translation>工作线程数：“%1”不是有效的工作线程数（1 … 1024）。</translation>
    </message>
    <message>
        <source>Nothing to sweep: set up a job on the Run setup page first.</source>
        <translation>没有可扫描的内容：请先在“运行设置”页面上设置作业。</translation>
    </message>
    <message>
        <source>The Run setup page&apos;s job is not valid.</source>
        <translation>“运行设置”页面上的作业无效。</translation>
    </message>
    <message>
        <source>The grid is not valid.</source>
        <translation>网格无效。</translation>
    </message>
    <message>
        <source>Sweeping %1 settings…</source>
        <translation>正在扫描 %1 组设置…</translation>
    </message>
    <message>
        <source>%1 of %2: %3 — median %4 ms</source>
        <translation>%1/%2：%3 — 中位数 %4 毫秒</translation>
    </message>
    <message>
        <source>Sweep finished.</source>
        <translation>参数扫描已完成。</translation>
    </message>
    <message>
        <source>Sweep cancelled after %1 of %2 settings.</source>
        <translation>参数扫描在完成 %1/%2 组设置后已取消。</translation>
    </message>
    <message>
        <source>Sweep failed: %1</source>
        <translation>参数扫描失败：%1</translation>
    </message>
    <message>
        <source>Warning: results differ between settings.</source>
        <translation>警告：不同设置下的结果不一致。</translation>
    </message>
</context>
<context>
    <name>sf::ui::SweepScalingChart</name>
    <message>
        <source>Speedup vs workers</source>
        <translation>加速比与工作线程数</translation>
    </message>
    <message>
        <source>Efficiency vs workers</source>
        <translation>并行效率与工作线程数</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>工作线程数</translation>
    </message>
    <message>
        <source>speedup (×)</source>
        <translation>加速比（×）</translation>
    </message>
    <message>
        <source>speedup ÷ workers</source>
        <translation>加速比 ÷ 工作线程数</translation>
    </message>
    <message>
        <source>all tasks</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <source>chunk %1</source>
        <translation>分块 %1</translation>
    </message>
    <message>
        <source>chunk %1 rows</source>
        <translation>分块 %1 行</translation>
    </message>
    <message>
        <source>ideal</source>
        <translation>理想值</translation>
    </message>
</context>
<context>
    <name>sf::ui::TaskStreamWidget</name>
    <message>
        <source>time since start (s)</source>
        <translation>自开始以来的时间（秒）</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep the whole run in view and follow the live edge</source>
        <translation>显示整个运行过程并跟随最新进度</translation>
    </message>
    <message>
        <source>Colour by state</source>
        <translation>按状态着色</translation>
    </message>
    <message>
        <source>Colour by job</source>
        <translation>按作业着色</translation>
    </message>
    <message>
        <source>Colour by priority</source>
        <translation>按优先级着色</translation>
    </message>
    <message>
        <source>Task stream</source>
        <translation>任务流</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>已重试</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>straggler</source>
        <translation>拖尾任务</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>W%1</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>第 %1 次尝试</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the task stream as PNG, SVG or PDF</source>
        <translation>将任务流保存为 PNG、SVG 或 PDF</translation>
    </message>
</context>
<context>
    <name>sf::ui::TaskTableModel</name>
    <message>
        <source>job %1</source>
        <translation>作业 %1</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>#%1: %2–%3</source>
        <translation>#%1：%2–%3</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>W%1</translation>
    </message>
    <message>
        <source>%1 (straggler)</source>
        <translation>%1（拖尾任务）</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Chunk (rows)</source>
        <translation>分块（行）</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工作线程</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Task %1, attempt %2 — %3</source>
        <translation>任务 %1，第 %2 次尝试 — %3</translation>
    </message>
    <message>
        <source>Chunk %1: %2 rows from row %3</source>
        <translation>分块 %1：从第 %3 行起共 %2 行</translation>
    </message>
    <message>
        <source>Bytes: %1 (offsets %2–%3)</source>
        <translation>字节：%1（偏移 %2–%3）</translation>
    </message>
    <message>
        <source>Priority %1, state %2%3, worker %4</source>
        <translation>优先级 %1，状态 %2%3，工作线程 %4</translation>
    </message>
    <message>
        <source> (straggler)</source>
        <translation>（拖尾任务）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation>已排队 %1</translation>
    </message>
    <message>
        <source>, duration %1</source>
        <translation>，耗时 %1</translation>
    </message>
    <message>
        <source>, %1% done</source>
        <translation>，已完成 %1%</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>已重试</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>, started %1 (waited %2)</source>
        <translation>，开始于 %1（等待 %2）</translation>
    </message>
</context>
<context>
    <name>sf::ui::ThroughputChart</name>
    <message>
        <source>Throughput and queue</source>
        <translation>吞吐量与队列</translation>
    </message>
    <message>
        <source>time since start (s)</source>
        <translation>自开始以来的时间（秒）</translation>
    </message>
    <message>
        <source>rows/s</source>
        <translation>行/秒</translation>
    </message>
    <message>
        <source>queued tasks</source>
        <translation>排队任务</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>queue length</source>
        <translation>队列长度</translation>
    </message>
</context>
<context>
    <name>sf::ui::TimingCharts</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save &quot;%1&quot; as PNG, SVG or PDF</source>
        <translation>将“%1”保存为 PNG、SVG 或 PDF</translation>
    </message>
</context>
<context>
    <name>sf::ui::UtilisationChart</name>
    <message>
        <source>Utilisation per worker</source>
        <translation>各工作线程利用率</translation>
    </message>
    <message>
        <source>busy (%)</source>
        <translation>忙碌（%）</translation>
    </message>
    <message>
        <source>utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>W%1</translation>
    </message>
</context>
</TS>
