/**
 * Demo cooperatives and their farmers (plain data). Farmers point at their cooperative
 * by key; `demoCatalog()` turns keys into indices.
 */
import type { FreightTemplateBodyDto } from '@contracts/freight'
import type { DemoCooperative, DemoFarmer } from './demo-data'

type Fees = { firstFeeFen: number; stepFeeFen: number }

/**
 * A fresh-produce template: Guizhou and its neighbours (云贵川渝) cheap, the rest of the country
 * standard, by the first kilo and each further kilo; Tibet not served (too far for a box of
 * fresh produce); free from a threshold.
 */
function perishables(shipsFrom: string, near: Fees, rest: Fees, freeFromFen: number): FreightTemplateBodyDto {
  const kilo = { firstUnits: 1000, stepUnits: 1000 }
  return {
    name: '生鲜运费',
    basis: 'weight',
    zones: [
      { provinces: ['贵州省', '云南省', '四川省', '重庆市'], ...kilo, ...near },
      { provinces: [], ...kilo, ...rest },
    ],
    freeFromFen,
    notServed: ['西藏自治区'],
    shipsFrom,
  }
}

/** A demo household on the county's register since 2016 (建档立卡), under a made-up 户编号. */
function onRegister(registryNo: string): DemoFarmer['household'] {
  return { registryNo, status: 'registered', startedOn: '2016-03-01' }
}

export const DEMO_COOPERATIVES: readonly DemoCooperative[] = [
  {
    key: 'weining',
    commissionBps: 300,
    freight: perishables('贵州省毕节市威宁县', { firstFeeFen: 800, stepFeeFen: 100 }, { firstFeeFen: 1200, stepFeeFen: 400 }, 5900),
    name: '威宁县草海高原果蔬专业合作社',
    county: '威宁彝族回族苗族自治县',
    province: '贵州省',
  },
  {
    key: 'xiuwen',
    commissionBps: 300,
    freight: perishables('贵州省贵阳市修文县', { firstFeeFen: 1000, stepFeeFen: 200 }, { firstFeeFen: 1500, stepFeeFen: 500 }, 6900),
    name: '修文县谷堡猕猴桃种植专业合作社',
    county: '修文县',
    province: '贵州省',
  },
  {
    key: 'bozhou',
    commissionBps: 500,
    freight: perishables('贵州省遵义市播州区', { firstFeeFen: 600, stepFeeFen: 100 }, { firstFeeFen: 1000, stepFeeFen: 300 }, 3900),
    name: '遵义市播州区虾子辣椒专业合作社',
    county: '遵义市播州区',
    province: '贵州省',
  },
  {
    key: 'meitan',
    commissionBps: 400,
    // dry tea keeps: shipped free, everywhere
    freight: null,
    name: '湄潭县永兴茶叶专业合作社',
    county: '湄潭县',
    province: '贵州省',
  },
]

export const DEMO_FARMERS: readonly DemoFarmer[] = [
  // 威宁县草海高原果蔬专业合作社
  {
    key: 'zhang-guohua',
    cooperative: 'weining',
    name: '张国华',
    village: '草海镇新华村',
    story:
      '张国华在海拔两千二百米的山坡上种了十二年苹果，果园里的每一棵树他都叫得出年头。高原昼夜温差大，苹果慢慢长、慢慢甜，他坚持等果子在树上自然转红才摘。',
    photoKey: 'demo/farmer-zhang',
  },
  {
    key: 'li-xiuying',
    cooperative: 'weining',
    name: '李秀英',
    village: '迤那镇五星村',
    story:
      '李秀英家的洋芋种在村后的沙壤地里，用的是农家肥，一年只种一季。丈夫外出务工后，她一个人照看八亩地，合作社帮她把洋芋卖到了城里。',
    photoKey: 'demo/farmer-li',
    household: onRegister('520526100179190173'),
  },
  {
    key: 'chen-faming',
    cooperative: 'weining',
    name: '陈发明',
    village: '盐仓镇营河村',
    story:
      '陈发明从爷爷那辈起就种苦荞，荞麦开花时整片山坡一片粉白。收下来的荞子他自己晾晒、脱壳，做成苦荞米和苦荞茶，乡亲们都说他家的荞香。',
    photoKey: 'demo/farmer-chen',
    household: onRegister('520526100258380173'),
  },
  {
    key: 'ma-youde',
    cooperative: 'weining',
    name: '马友德',
    village: '板底乡雄鹰村',
    story:
      '马友德家门前有四十多棵老核桃树，最老的一棵比他年纪还大。每年白露前后打核桃，全家老小一起上阵，去青皮、清洗、晾干，一颗颗都是手工挑过的。',
    photoKey: 'demo/farmer-ma',
  },
  {
    key: 'yang-guifen',
    cooperative: 'weining',
    name: '杨桂芬',
    village: '哲觉镇竹坝村',
    story:
      '杨桂芬养了三十多箱中华土蜂，蜂箱就放在荞麦地和野花坡之间。土蜂蜜一年只取一两次，她说蜜要让蜜蜂自己酿熟了才好吃。',
    photoKey: 'demo/farmer-yang',
    household: onRegister('520526100337570173'),
  },
  {
    key: 'lu-wenxue',
    cooperative: 'weining',
    name: '禄文学',
    village: '雪山镇高原村',
    story:
      '禄文学是村里有名的种菜能手，夏天高原凉爽，他种的莲花白和白萝卜长得又脆又嫩。每天天不亮就下地采收，当天就交到合作社的冷库。',
    photoKey: 'demo/farmer-lu',
  },
  {
    key: 'zhu-zhengyou',
    cooperative: 'weining',
    name: '朱正友',
    village: '秀水镇大寨村',
    story:
      '朱正友种的大白芸豆颗粒饱满，煮出来粉糯香甜。前几年家里困难，加入合作社后有了稳定的销路，今年他又多种了五亩。',
    photoKey: 'demo/farmer-zhu',
    household: onRegister('520526100416760173'),
  },
  // 修文县谷堡猕猴桃种植专业合作社
  {
    key: 'luo-chenggang',
    cooperative: 'xiuwen',
    name: '罗成刚',
    village: '谷堡镇平滩村',
    story:
      '罗成刚种猕猴桃快二十年了，是村里最早搭架子的那批人。他的果园不催熟、不膨大，果子摘下来放几天就软糯香甜。',
    photoKey: 'demo/farmer-luo',
  },
  {
    key: 'wu-yumei',
    cooperative: 'xiuwen',
    name: '吴玉梅',
    village: '六屯镇大木村',
    story:
      '吴玉梅家有六亩猕猴桃园，个头小一点的果子她舍不得扔，就切片晒成果干。她说自家孩子爱吃的东西，才敢卖给别人家的孩子。',
    photoKey: 'demo/farmer-wu',
    household: onRegister('520526100595950173'),
  },
  // 遵义市播州区虾子辣椒专业合作社
  {
    key: 'zhao-deming',
    cooperative: 'bozhou',
    name: '赵德明',
    village: '虾子镇兴龙村',
    story:
      '赵德明家世代种辣椒，虾子镇的辣椒市场他从小逛到大。他种的朝天椒晒在自家院坝里，红得发亮，闻着就香。',
    photoKey: 'demo/farmer-zhao',
  },
  {
    key: 'liu-chunyan',
    cooperative: 'bozhou',
    name: '刘春燕',
    village: '三岔镇石场村',
    story:
      '刘春燕做油辣椒的手艺是跟婆婆学的，菜籽油要烧到冒青烟，辣椒面分三次泼。她的小作坊现在带着村里五个姐妹一起干。',
    photoKey: 'demo/farmer-liu',
    household: onRegister('520526100675140173'),
  },
  // 湄潭县永兴茶叶专业合作社
  {
    key: 'tian-maolin',
    cooperative: 'meitan',
    name: '田茂林',
    village: '永兴镇茅坪村',
    story:
      '田茂林的茶园在云雾缭绕的山坡上，春天第一批芽头冒出来，全家人就开始忙着采茶。他自己炒茶二十多年，一锅一锅都守在灶前。',
    photoKey: 'demo/farmer-tian',
  },
  {
    key: 'he-shiqin',
    cooperative: 'meitan',
    name: '何仕琴',
    village: '兴隆镇龙凤村',
    story:
      '何仕琴以前在外地打工，五年前回村接手了家里的茶园，跟着合作社学做红茶。她做的遵义红汤色红亮，带着一股淡淡的蜜香。',
    photoKey: 'demo/farmer-he',
  },
]
