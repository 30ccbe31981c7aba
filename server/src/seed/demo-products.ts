/**
 * Demo products (plain data). Harvest windows are day offsets from "today" so that on any
 * date most products are in season and a few are pre-sale or finished; see `demoCatalog()`.
 */
import type { DemoProductTemplate } from './demo-data'

const inSeason = (startedDaysAgo: number, endsInDays: number) =>
  ({ kind: 'in_season', startedDaysAgo, endsInDays }) as const
const preSale = (startsInDays: number, lengthDays: number) => ({ kind: 'pre_sale', startsInDays, lengthDays }) as const
const ended = (endedDaysAgo: number, lengthDays: number) => ({ kind: 'ended', endedDaysAgo, lengthDays }) as const

export const DEMO_PRODUCTS: readonly DemoProductTemplate[] = [
  // ── 张国华 · 苹果 ──
  {
    farmer: 'zhang-guohua',
    categoryId: 'fruit',
    title: '威宁高原红富士苹果 脆甜多汁',
    description:
      '果园在海拔两千多米的草海边上，日照足、昼夜温差大，苹果糖分积得足。果子在树上自然转红后才采摘，不打蜡、不催熟。咬一口脆生生的，汁水很多。收到后放在阴凉处，一周内吃完口感最好。',
    origin: '贵州·威宁',
    photos: ['demo/weining-fuji-1', 'demo/weining-fuji-2'],
    season: inSeason(40, 120),
    status: 'on_sale',
    specs: [
      { name: '5斤装', priceFen: 2990, unit: '箱', netWeightG: 2500, stock: 120 },
      { name: '10斤装', priceFen: 4990, unit: '箱', netWeightG: 5000, stock: 64 },
    ],
  },
  {
    farmer: 'zhang-guohua',
    categoryId: 'fruit',
    title: '威宁丑苹果 冰糖心 自家果园',
    description:
      '高原上风大，果皮难免有些斑点和果锈，样子不好看，味道却格外甜。切开常能看到透亮的冰糖心。和红富士是同一片果园，只是没有挑过卖相，价格更实在。',
    origin: '贵州·威宁',
    photos: ['demo/weining-ugly-apple-1'],
    season: inSeason(30, 90),
    status: 'on_sale',
    specs: [
      { name: '8斤装', priceFen: 3680, unit: '箱', netWeightG: 4000, stock: 45 },
      { name: '15斤 大果整箱', priceFen: 6580, unit: '箱', netWeightG: 7500, stock: 3 },
    ],
  },
  // ── 李秀英 · 洋芋 ──
  {
    farmer: 'li-xiuying',
    categoryId: 'vegetables',
    title: '威宁黄心洋芋 高原沙地种植',
    description:
      '威宁洋芋在贵州家喻户晓，黄心、沙面、淀粉足。种在迤那镇的沙壤地里，只用农家肥，一年一季。烤着吃、炖着吃、炒洋芋丝都好吃。放在阴凉通风处可以存放一个多月。',
    origin: '贵州·威宁',
    photos: ['demo/weining-potato-1', 'demo/weining-potato-2'],
    season: inSeason(60, 150),
    status: 'on_sale',
    specs: [
      { name: '5斤装', priceFen: 1590, unit: '箱', netWeightG: 2500, stock: 200 },
      { name: '10斤装', priceFen: 2680, unit: '箱', netWeightG: 5000, stock: 150 },
    ],
  },
  {
    farmer: 'li-xiuying',
    categoryId: 'vegetables',
    title: '威宁小土豆 迷你洋芋 烧烤专用',
    description:
      '个头只有鸡蛋大小的小洋芋，皮薄肉糯。贵州人最爱拿它做炕洋芋、烧烤洋芋，整个下锅不用切。每一颗都是手工挑拣，大小均匀。',
    origin: '贵州·威宁',
    photos: ['demo/weining-mini-potato-1'],
    season: inSeason(45, 100),
    status: 'on_sale',
    specs: [{ name: '3斤装', priceFen: 1290, unit: '箱', netWeightG: 1500, stock: 88 }],
  },
  {
    farmer: 'li-xiuying',
    categoryId: 'vegetables',
    title: '威宁乌洋芋 紫皮紫心土豆',
    description:
      '老品种乌洋芋，外皮紫黑、切开是漂亮的紫色花纹。口感粉糯，富含花青素，蒸熟了直接吃就很香。产量不高，今年的已经卖完了，明年请早。',
    origin: '贵州·威宁',
    photos: ['demo/weining-purple-potato-1'],
    season: ended(20, 70),
    status: 'sold_out',
    specs: [{ name: '5斤装', priceFen: 2380, unit: '箱', netWeightG: 2500, stock: 0 }],
  },
  // ── 陈发明 · 苦荞 ──
  {
    farmer: 'chen-faming',
    categoryId: 'grains',
    title: '威宁苦荞米 高原杂粮 粗粮饭伴侣',
    description:
      '苦荞是威宁高寒山区的老作物，耐寒耐旱，不用怎么打药。荞子晾晒后脱壳成米，和大米一起煮饭，带着淡淡的荞香。真空小包装，防潮好保存。',
    origin: '贵州·威宁',
    photos: ['demo/weining-tartary-buckwheat-1'],
    season: inSeason(120, 240),
    status: 'on_sale',
    specs: [
      { name: '500g 袋装', priceFen: 1280, unit: '斤', netWeightG: 500, stock: 300 },
      { name: '2.5kg 家庭装', priceFen: 5280, unit: '箱', netWeightG: 2500, stock: 80 },
    ],
  },
  {
    farmer: 'chen-faming',
    categoryId: 'tea',
    title: '黄苦荞茶 颗粒饱满 麦香浓郁',
    description:
      '用威宁苦荞烘焙而成，颗粒饱满、色泽金黄。开水一冲就有浓浓的麦香，汤色清亮。可以反复冲泡，泡过的荞粒还能直接吃。',
    origin: '贵州·威宁',
    photos: ['demo/weining-buckwheat-tea-1'],
    season: inSeason(150, 210),
    status: 'on_sale',
    specs: [
      { name: '250g 罐装', priceFen: 2580, unit: '个', netWeightG: 250, stock: 90 },
      { name: '500g×2罐', priceFen: 8800, unit: '箱', netWeightG: 1000, stock: 18 },
    ],
  },
  // ── 马友德 · 核桃 ──
  {
    farmer: 'ma-youde',
    categoryId: 'nuts',
    title: '威宁高原薄壳核桃 当季新货预售',
    description:
      '板底乡的老核桃树，壳薄仁满，用手一捏就开。今年的新核桃还在树上，现在下单算预订，打下来去青皮、晾干后第一批发出。原味生核桃，不漂白、不加工。',
    origin: '贵州·威宁',
    photos: ['demo/weining-walnut-1', 'demo/weining-walnut-2'],
    season: preSale(25, 60),
    status: 'on_sale',
    specs: [
      { name: '2斤装', priceFen: 3980, unit: '箱', netWeightG: 1000, stock: 70 },
      { name: '5斤装', priceFen: 8980, unit: '箱', netWeightG: 2500, stock: 25 },
    ],
  },
  {
    farmer: 'ma-youde',
    categoryId: 'nuts',
    title: '原味核桃仁 手工剥壳',
    description:
      '去年的核桃手工剥出来的仁，大块多、碎仁少。不炒不烤，保留原本的香味，可以直接吃，也可以打豆浆、做点心。开封后请密封冷藏。',
    origin: '贵州·威宁',
    photos: ['demo/weining-walnut-kernel-1'],
    season: inSeason(200, 120),
    status: 'on_sale',
    specs: [{ name: '500g 袋装', priceFen: 4580, unit: '斤', netWeightG: 500, stock: 40 }],
  },
  // ── 杨桂芬 · 蜂蜜 ──
  {
    farmer: 'yang-guifen',
    categoryId: 'honey',
    title: '威宁高山土蜂蜜 百花蜜 自然成熟',
    description:
      '中华土蜂在高山野花间采的百花蜜，一年只取一两次，让蜜蜂自己把蜜酿熟封盖后才摇。天冷时会自然结晶，这是好蜜的表现。温水冲服，不要用开水。',
    origin: '贵州·威宁',
    photos: ['demo/weining-honey-1', 'demo/weining-honey-2'],
    season: inSeason(90, 180),
    status: 'on_sale',
    specs: [
      { name: '500g 瓶装', priceFen: 6800, unit: '个', netWeightG: 500, stock: 35 },
      { name: '1000g 瓶装', priceFen: 12800, unit: '个', netWeightG: 1000, stock: 12 },
    ],
  },
  {
    farmer: 'yang-guifen',
    categoryId: 'honey',
    title: '荞麦花蜂蜜 深色蜜 味浓',
    description:
      '秋天荞麦开花时采的单花蜜，颜色深、味道浓，带一点特别的麦芽香。产量少，每年只有几十斤。目前正在分装，暂停销售几天。',
    origin: '贵州·威宁',
    photos: ['demo/weining-buckwheat-honey-1'],
    season: inSeason(50, 160),
    status: 'paused',
    specs: [{ name: '500g 瓶装', priceFen: 5800, unit: '个', netWeightG: 500, stock: 20 }],
  },
  // ── 禄文学 · 高原蔬菜 ──
  {
    farmer: 'lu-wenxue',
    categoryId: 'vegetables',
    title: '威宁高原莲花白 甘蓝 脆嫩清甜',
    description:
      '高原夏秋凉爽，莲花白长得紧实又脆嫩，手撕包菜、炝炒都好吃。清晨采收，当天进合作社冷库预冷再发货。单个约两斤重。',
    origin: '贵州·威宁',
    photos: ['demo/weining-cabbage-1'],
    season: inSeason(20, 75),
    status: 'on_sale',
    specs: [
      { name: '单个装 约2斤', priceFen: 590, unit: '个', netWeightG: 1000, stock: 60 },
      { name: '3个装', priceFen: 1490, unit: '箱', netWeightG: 3000, stock: 30 },
    ],
  },
  {
    farmer: 'lu-wenxue',
    categoryId: 'vegetables',
    title: '威宁白萝卜 高原冷凉蔬菜',
    description:
      '冷凉气候下慢慢长成的白萝卜，水分足、不糠心，生吃脆甜微辣。炖排骨、做酸萝卜都合适。带少量泥土发货，更耐存放。',
    origin: '贵州·威宁',
    photos: ['demo/weining-radish-1'],
    season: inSeason(15, 60),
    status: 'on_sale',
    specs: [{ name: '5斤装', priceFen: 1290, unit: '箱', netWeightG: 2500, stock: 75 }],
  },
  // ── 朱正友 · 芸豆 ──
  {
    farmer: 'zhu-zhengyou',
    categoryId: 'grains',
    title: '威宁大白芸豆 颗粒饱满 粉糯香甜',
    description:
      '威宁大白芸豆个大皮薄，煮熟后粉糯起沙。炖猪脚、煮汤、做豆沙都很合适。今年的新豆，晒干后手工挑拣过，没有虫眼。',
    origin: '贵州·威宁',
    photos: ['demo/weining-white-bean-1'],
    season: inSeason(80, 200),
    status: 'on_sale',
    specs: [
      { name: '1斤装', priceFen: 1680, unit: '斤', netWeightG: 500, stock: 110 },
      { name: '5斤装', priceFen: 7280, unit: '箱', netWeightG: 2500, stock: 22 },
    ],
  },
  // ── 罗成刚 · 猕猴桃 ──
  {
    farmer: 'luo-chenggang',
    categoryId: 'fruit',
    title: '修文贵长猕猴桃 现摘现发',
    description:
      '修文是"中国猕猴桃之乡"，贵长是这里的当家品种，果形长、果肉翠绿。不用膨大剂，现摘现发。收到时果子偏硬，和苹果放在一起三五天就软了，酸甜可口。',
    origin: '贵州·修文',
    photos: ['demo/xiuwen-kiwi-1', 'demo/xiuwen-kiwi-2'],
    season: inSeason(25, 80),
    status: 'on_sale',
    specs: [
      { name: '12个装', priceFen: 3680, unit: '箱', netWeightG: 1500, stock: 90 },
      { name: '24个装', priceFen: 6580, unit: '箱', netWeightG: 3000, stock: 40 },
    ],
  },
  {
    farmer: 'luo-chenggang',
    categoryId: 'fruit',
    title: '修文红心猕猴桃 预售 甜度高',
    description:
      '红心猕猴桃切开有一圈漂亮的红色，甜度比绿心更高。果园今年挂果不错，还要再等一段时间才能采摘。现在下单按预售处理，成熟后按下单顺序发货。',
    origin: '贵州·修文',
    photos: ['demo/xiuwen-red-kiwi-1'],
    season: preSale(40, 45),
    status: 'on_sale',
    specs: [{ name: '12个装', priceFen: 4580, unit: '箱', netWeightG: 1200, stock: 50 }],
  },
  // ── 吴玉梅 · 猕猴桃 ──
  {
    farmer: 'wu-yumei',
    categoryId: 'fruit',
    title: '修文猕猴桃 小果家庭装 实惠',
    description:
      '和大果同一片园子，只是个头小一些，味道一点不差。适合家里天天吃，价格实惠。软熟后用勺子挖着吃最方便。',
    origin: '贵州·修文',
    photos: ['demo/xiuwen-kiwi-2'],
    season: inSeason(20, 70),
    status: 'on_sale',
    specs: [{ name: '5斤装', priceFen: 2380, unit: '箱', netWeightG: 2500, stock: 3 }],
  },
  {
    farmer: 'wu-yumei',
    categoryId: 'nuts',
    title: '猕猴桃果干 无添加 自然晾晒',
    description:
      '用自家的猕猴桃切片低温烘干，不加糖、不加色素。酸酸甜甜，有嚼劲，孩子很爱吃。小袋包装，出门带着也方便。',
    origin: '贵州·修文',
    photos: ['demo/xiuwen-kiwi-dried-1'],
    season: inSeason(100, 200),
    status: 'on_sale',
    specs: [
      { name: '250g 袋装', priceFen: 2280, unit: '个', netWeightG: 250, stock: 65 },
      { name: '250g×4袋', priceFen: 7980, unit: '箱', netWeightG: 1000, stock: 15 },
    ],
  },
  // ── 赵德明 · 辣椒 ──
  {
    farmer: 'zhao-deming',
    categoryId: 'spices',
    title: '遵义朝天椒 干辣椒 香辣红亮',
    description:
      '虾子镇的朝天椒个小、色红、辣味足而不燥。在院坝里自然晒干，没有硫磺熏制，闻起来一股干香。炒菜、炖肉、做火锅底料都离不开它。',
    origin: '贵州·遵义',
    photos: ['demo/zunyi-chili-dried-1', 'demo/zunyi-chili-dried-2'],
    season: inSeason(100, 220),
    status: 'on_sale',
    specs: [
      { name: '500g 袋装', priceFen: 2680, unit: '斤', netWeightG: 500, stock: 150 },
      { name: '整箱 2.5kg', priceFen: 11800, unit: '箱', netWeightG: 2500, stock: 20 },
    ],
  },
  {
    farmer: 'zhao-deming',
    categoryId: 'vegetables',
    title: '遵义鲜红线椒 现摘辣椒',
    description:
      '当季现摘的鲜线椒，细长、皮薄、辣味适中。做剁辣椒、泡椒、小炒肉都合适。鲜货不耐放，收到后请尽快冷藏。',
    origin: '贵州·遵义',
    photos: ['demo/zunyi-chili-fresh-1'],
    season: inSeason(10, 45),
    status: 'on_sale',
    specs: [
      { name: '2斤装', priceFen: 1680, unit: '箱', netWeightG: 1000, stock: 40 },
      { name: '5斤装', priceFen: 3580, unit: '箱', netWeightG: 2500, stock: 12 },
    ],
  },
  // ── 刘春燕 · 辣椒制品 ──
  {
    farmer: 'liu-chunyan',
    categoryId: 'spices',
    title: '遵义油辣椒 香辣酥脆 拌饭神器',
    description:
      '用本地朝天椒和菜籽油手工熬制，油温分三次泼，辣椒酥脆不糊。拌面、拌饭、蘸洋芋都好吃。不加防腐剂，开瓶后请冷藏。',
    origin: '贵州·遵义',
    photos: ['demo/zunyi-chili-oil-1'],
    season: inSeason(180, 180),
    status: 'on_sale',
    specs: [
      { name: '260g 瓶装', priceFen: 1580, unit: '个', netWeightG: 260, stock: 120 },
      { name: '260g×3瓶', priceFen: 4280, unit: '箱', netWeightG: 780, stock: 36 },
    ],
  },
  {
    farmer: 'liu-chunyan',
    categoryId: 'spices',
    title: '贵州糍粑辣椒 手工舂制',
    description:
      '干辣椒用温水泡软，加上生姜、大蒜在石臼里舂成糍粑状。辣中带香，是做辣子鸡、黄焖鸡的灵魂调料。真空瓶装，冷藏可以存放三个月。',
    origin: '贵州·遵义',
    photos: ['demo/zunyi-ciba-chili-1'],
    season: inSeason(160, 200),
    status: 'on_sale',
    specs: [{ name: '500g 瓶装', priceFen: 2280, unit: '个', netWeightG: 500, stock: 80 }],
  },
  {
    farmer: 'liu-chunyan',
    categoryId: 'spices',
    title: '烧烤辣椒面 蘸水专用',
    description:
      '朝天椒烘香后磨成粗粒，加了一点花椒和盐，是贵州人吃烧烤、蘸洋芋的干碟。辣度适中，香味十足。',
    origin: '贵州·遵义',
    photos: ['demo/zunyi-chili-powder-1'],
    season: inSeason(140, 220),
    status: 'on_sale',
    specs: [
      { name: '250g 袋装', priceFen: 1280, unit: '个', netWeightG: 250, stock: 95 },
      { name: '500g 袋装', priceFen: 2280, unit: '斤', netWeightG: 500, stock: 50 },
    ],
  },
  // ── 田茂林 · 绿茶 ──
  {
    farmer: 'tian-maolin',
    categoryId: 'tea',
    title: '湄潭翠芽 明前绿茶 一芽一叶',
    description:
      '清明前采摘的一芽一叶，手工杀青、理条，外形扁平挺直。汤色嫩绿明亮，入口鲜爽，带着栗香。用八十度左右的水冲泡最好。',
    origin: '贵州·湄潭',
    photos: ['demo/meitan-green-tea-1', 'demo/meitan-green-tea-2'],
    season: inSeason(130, 230),
    status: 'on_sale',
    specs: [
      { name: '100g 罐装', priceFen: 8800, unit: '个', netWeightG: 100, stock: 50 },
      { name: '250g 礼盒', priceFen: 19800, unit: '箱', netWeightG: 250, stock: 12 },
    ],
  },
  {
    farmer: 'tian-maolin',
    categoryId: 'tea',
    title: '湄潭高山毛尖 新茶预订',
    description:
      '高山茶园的毛尖，条索紧细、白毫显露。新一季的茶芽还没到采摘时节，现在下单为预订，新茶炒制好后第一时间寄出。',
    origin: '贵州·湄潭',
    photos: ['demo/meitan-maojian-1'],
    season: preSale(60, 50),
    status: 'on_sale',
    specs: [
      { name: '100g 袋装', priceFen: 6800, unit: '个', netWeightG: 100, stock: 60 },
      { name: '250g 罐装', priceFen: 15800, unit: '个', netWeightG: 250, stock: 20 },
    ],
  },
  // ── 何仕琴 · 红茶 ──
  {
    farmer: 'he-shiqin',
    categoryId: 'tea',
    title: '遵义红 工夫红茶 蜜香浓郁',
    description:
      '湄潭茶园的鲜叶经过萎凋、揉捻、发酵、烘干做成的工夫红茶。汤色红亮，带着自然的蜜香，口感甜醇。冬天喝暖胃，加奶也好喝。',
    origin: '贵州·湄潭',
    photos: ['demo/meitan-black-tea-1'],
    season: inSeason(160, 200),
    status: 'on_sale',
    specs: [
      { name: '150g 袋装', priceFen: 6800, unit: '个', netWeightG: 150, stock: 45 },
      { name: '300g 礼盒', priceFen: 12800, unit: '箱', netWeightG: 300, stock: 8 },
    ],
  },
  {
    farmer: 'he-shiqin',
    categoryId: 'honey',
    title: '湄潭茶花蜜 山野土蜂蜜',
    description:
      '茶园里的土蜂在茶花开时采的蜜，颜色浅、口感清甜，回味有淡淡的茶香。数量不多，用玻璃瓶装好发货。',
    origin: '贵州·湄潭',
    photos: ['demo/meitan-tea-honey-1'],
    season: inSeason(70, 150),
    status: 'on_sale',
    specs: [{ name: '500g 瓶装', priceFen: 7800, unit: '个', netWeightG: 500, stock: 18 }],
  },
]
