// Generates a realistic roster of N rows (UTF-8 CSV with Chinese headers) for the import bench.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国志红斌波宇浩凯亮健俊峰雪梅琳晨阳博文轩';
const OCCUPATIONS = ['外卖骑手', '快递员', '网约车司机', '出租车司机', '货车司机', '网络主播'];
const PLATFORMS = ['美团', '饿了么', '顺丰', '京东', '滴滴出行', '货拉拉', '抖音'];
export const HEADER = '姓名,手机号码,从业类型,所属平台,所属站点,居住社区,入职日期';

/** Deterministic pseudo-random numbers, so every run imports the same file. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function phoneFor(i) {
  return `1${3 + (i % 7)}${String(100000000 + i * 7).slice(-9)}`;
}

export async function writeRoster(path, rows, communities) {
  const random = rng(42);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const out = createWriteStream(path);
  let chunk = `${HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : '');
    const month = 1 + Math.floor(random() * 12);
    chunk += `${name},${phoneFor(i)},${pick(OCCUPATIONS)},${pick(PLATFORMS)},站点${i % 300},${pick(communities)},2024-${String(month).padStart(2, '0')}-15\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
