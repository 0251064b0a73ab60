import type { LocalizedText } from '@antoan/domain';

/**
 * Names of the Vietnamese standard industrial classification (VSIC 2018, Decision 27/2018/QĐ-TTg, Appendix I), in
 * Vietnamese as the decision writes them and in English with the matching ISIC Rev.4 titles: the 21 sections, the
 * 2-digit divisions, and the 4-digit classes the demo firms use. `sectorName` finds the most precise one for a code.
 */
const sections: Record<string, LocalizedText> = {
  A: { vi: 'Nông nghiệp, lâm nghiệp và thủy sản', en: 'Agriculture, forestry and fishing' },
  B: { vi: 'Khai khoáng', en: 'Mining and quarrying' },
  C: { vi: 'Công nghiệp chế biến, chế tạo', en: 'Manufacturing' },
  D: {
    vi: 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí',
    en: 'Electricity, gas, steam and air conditioning supply',
  },
  E: {
    vi: 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải',
    en: 'Water supply; sewerage, waste management and remediation activities',
  },
  F: { vi: 'Xây dựng', en: 'Construction' },
  G: {
    vi: 'Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác',
    en: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
  },
  H: { vi: 'Vận tải kho bãi', en: 'Transportation and storage' },
  I: { vi: 'Dịch vụ lưu trú và ăn uống', en: 'Accommodation and food service activities' },
  J: { vi: 'Thông tin và truyền thông', en: 'Information and communication' },
  K: { vi: 'Hoạt động tài chính, ngân hàng và bảo hiểm', en: 'Financial and insurance activities' },
  L: { vi: 'Hoạt động kinh doanh bất động sản', en: 'Real estate activities' },
  M: {
    vi: 'Hoạt động chuyên môn, khoa học và công nghệ',
    en: 'Professional, scientific and technical activities',
  },
  N: { vi: 'Hoạt động hành chính và dịch vụ hỗ trợ', en: 'Administrative and support service activities' },
  O: {
    vi: 'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc',
    en: 'Public administration and defence; compulsory social security',
  },
  P: { vi: 'Giáo dục và đào tạo', en: 'Education' },
  Q: { vi: 'Y tế và hoạt động trợ giúp xã hội', en: 'Human health and social work activities' },
  R: { vi: 'Nghệ thuật, vui chơi và giải trí', en: 'Arts, entertainment and recreation' },
  S: { vi: 'Hoạt động dịch vụ khác', en: 'Other service activities' },
  T: {
    vi: 'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình',
    en: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
  },
  U: {
    vi: 'Hoạt động của các tổ chức và cơ quan quốc tế',
    en: 'Activities of extraterritorial organizations and bodies',
  },
};

/** The 2-digit divisions, keyed by their two digits. */
const divisions: Record<string, LocalizedText> = {
  '01': {
    vi: 'Nông nghiệp và hoạt động dịch vụ có liên quan',
    en: 'Crop and animal production, hunting and related service activities',
  },
  '02': { vi: 'Lâm nghiệp và hoạt động dịch vụ có liên quan', en: 'Forestry and logging' },
  '03': { vi: 'Khai thác, nuôi trồng thủy sản', en: 'Fishing and aquaculture' },
  '05': { vi: 'Khai thác than cứng và than non', en: 'Mining of coal and lignite' },
  '06': { vi: 'Khai thác dầu thô và khí đốt tự nhiên', en: 'Extraction of crude petroleum and natural gas' },
  '07': { vi: 'Khai thác quặng kim loại', en: 'Mining of metal ores' },
  '08': { vi: 'Khai khoáng khác', en: 'Other mining and quarrying' },
  '09': { vi: 'Hoạt động dịch vụ hỗ trợ khai khoáng', en: 'Mining support service activities' },
  '10': { vi: 'Sản xuất, chế biến thực phẩm', en: 'Manufacture of food products' },
  '11': { vi: 'Sản xuất đồ uống', en: 'Manufacture of beverages' },
  '12': { vi: 'Sản xuất sản phẩm thuốc lá', en: 'Manufacture of tobacco products' },
  '13': { vi: 'Dệt', en: 'Manufacture of textiles' },
  '14': { vi: 'Sản xuất trang phục', en: 'Manufacture of wearing apparel' },
  '15': { vi: 'Sản xuất da và các sản phẩm có liên quan', en: 'Manufacture of leather and related products' },
  '16': {
    vi: 'Chế biến gỗ và sản xuất sản phẩm từ gỗ, tre, nứa (trừ giường, tủ, bàn, ghế); sản xuất sản phẩm từ rơm, rạ và vật liệu tết bện',
    en: 'Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials',
  },
  '17': { vi: 'Sản xuất giấy và sản phẩm từ giấy', en: 'Manufacture of paper and paper products' },
  '18': { vi: 'In, sao chép bản ghi các loại', en: 'Printing and reproduction of recorded media' },
  '19': {
    vi: 'Sản xuất than cốc, sản phẩm dầu mỏ tinh chế',
    en: 'Manufacture of coke and refined petroleum products',
  },
  '20': {
    vi: 'Sản xuất hóa chất và sản phẩm hóa chất',
    en: 'Manufacture of chemicals and chemical products',
  },
  '21': {
    vi: 'Sản xuất thuốc, hóa dược và dược liệu',
    en: 'Manufacture of basic pharmaceutical products and pharmaceutical preparations',
  },
  '22': { vi: 'Sản xuất sản phẩm từ cao su và plastic', en: 'Manufacture of rubber and plastics products' },
  '23': {
    vi: 'Sản xuất sản phẩm từ khoáng phi kim loại khác',
    en: 'Manufacture of other non-metallic mineral products',
  },
  '24': { vi: 'Sản xuất kim loại', en: 'Manufacture of basic metals' },
  '25': {
    vi: 'Sản xuất sản phẩm từ kim loại đúc sẵn (trừ máy móc, thiết bị)',
    en: 'Manufacture of fabricated metal products, except machinery and equipment',
  },
  '26': {
    vi: 'Sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học',
    en: 'Manufacture of computer, electronic and optical products',
  },
  '27': { vi: 'Sản xuất thiết bị điện', en: 'Manufacture of electrical equipment' },
  '28': {
    vi: 'Sản xuất máy móc, thiết bị chưa được phân vào đâu',
    en: 'Manufacture of machinery and equipment n.e.c.',
  },
  '29': { vi: 'Sản xuất xe có động cơ', en: 'Manufacture of motor vehicles, trailers and semi-trailers' },
  '30': { vi: 'Sản xuất phương tiện vận tải khác', en: 'Manufacture of other transport equipment' },
  '31': { vi: 'Sản xuất giường, tủ, bàn, ghế', en: 'Manufacture of furniture' },
  '32': { vi: 'Công nghiệp chế biến, chế tạo khác', en: 'Other manufacturing' },
  '33': {
    vi: 'Sửa chữa, bảo dưỡng và lắp đặt máy móc và thiết bị',
    en: 'Repair and installation of machinery and equipment',
  },
  '35': {
    vi: 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí',
    en: 'Electricity, gas, steam and air conditioning supply',
  },
  '36': { vi: 'Khai thác, xử lý và cung cấp nước', en: 'Water collection, treatment and supply' },
  '37': { vi: 'Thoát nước và xử lý nước thải', en: 'Sewerage' },
  '38': {
    vi: 'Hoạt động thu gom, xử lý và tiêu hủy rác thải; tái chế phế liệu',
    en: 'Waste collection, treatment and disposal activities; materials recovery',
  },
  '39': {
    vi: 'Xử lý ô nhiễm và hoạt động quản lý chất thải khác',
    en: 'Remediation activities and other waste management services',
  },
  '41': { vi: 'Xây dựng nhà các loại', en: 'Construction of buildings' },
  '42': { vi: 'Xây dựng công trình kỹ thuật dân dụng', en: 'Civil engineering' },
  '43': { vi: 'Hoạt động xây dựng chuyên dụng', en: 'Specialized construction activities' },
  '45': {
    vi: 'Bán, sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác',
    en: 'Wholesale and retail trade and repair of motor vehicles and motorcycles',
  },
  '46': {
    vi: 'Bán buôn (trừ ô tô, mô tô, xe máy và xe có động cơ khác)',
    en: 'Wholesale trade, except of motor vehicles and motorcycles',
  },
  '47': {
    vi: 'Bán lẻ (trừ ô tô, mô tô, xe máy và xe có động cơ khác)',
    en: 'Retail trade, except of motor vehicles and motorcycles',
  },
  '49': {
    vi: 'Vận tải đường sắt, đường bộ và vận tải đường ống',
    en: 'Land transport and transport via pipelines',
  },
  '50': { vi: 'Vận tải đường thủy', en: 'Water transport' },
  '51': { vi: 'Vận tải hàng không', en: 'Air transport' },
  '52': {
    vi: 'Kho bãi và các hoạt động hỗ trợ cho vận tải',
    en: 'Warehousing and support activities for transportation',
  },
  '53': { vi: 'Bưu chính và chuyển phát', en: 'Postal and courier activities' },
  '55': { vi: 'Dịch vụ lưu trú', en: 'Accommodation' },
  '56': { vi: 'Dịch vụ ăn uống', en: 'Food and beverage service activities' },
  '58': { vi: 'Hoạt động xuất bản', en: 'Publishing activities' },
  '59': {
    vi: 'Hoạt động điện ảnh, sản xuất chương trình truyền hình, ghi âm và xuất bản âm nhạc',
    en: 'Motion picture, video and television programme production, sound recording and music publishing activities',
  },
  '60': { vi: 'Hoạt động phát thanh, truyền hình', en: 'Programming and broadcasting activities' },
  '61': { vi: 'Viễn thông', en: 'Telecommunications' },
  '62': {
    vi: 'Lập trình máy vi tính, dịch vụ tư vấn và các hoạt động khác liên quan đến máy vi tính',
    en: 'Computer programming, consultancy and related activities',
  },
  '63': { vi: 'Hoạt động dịch vụ thông tin', en: 'Information service activities' },
  '64': {
    vi: 'Hoạt động dịch vụ tài chính (trừ bảo hiểm và bảo hiểm xã hội)',
    en: 'Financial service activities, except insurance and pension funding',
  },
  '65': {
    vi: 'Bảo hiểm, tái bảo hiểm và bảo hiểm xã hội (trừ bảo đảm xã hội bắt buộc)',
    en: 'Insurance, reinsurance and pension funding, except compulsory social security',
  },
  '66': {
    vi: 'Hoạt động tài chính khác',
    en: 'Activities auxiliary to financial service and insurance activities',
  },
  '68': { vi: 'Hoạt động kinh doanh bất động sản', en: 'Real estate activities' },
  '69': { vi: 'Hoạt động pháp luật, kế toán và kiểm toán', en: 'Legal and accounting activities' },
  '70': {
    vi: 'Hoạt động của trụ sở văn phòng; hoạt động tư vấn quản lý',
    en: 'Activities of head offices; management consultancy activities',
  },
  '71': {
    vi: 'Hoạt động kiến trúc; kiểm tra và phân tích kỹ thuật',
    en: 'Architectural and engineering activities; technical testing and analysis',
  },
  '72': { vi: 'Nghiên cứu khoa học và phát triển', en: 'Scientific research and development' },
  '73': { vi: 'Quảng cáo và nghiên cứu thị trường', en: 'Advertising and market research' },
  '74': {
    vi: 'Hoạt động chuyên môn, khoa học và công nghệ khác',
    en: 'Other professional, scientific and technical activities',
  },
  '75': { vi: 'Hoạt động thú y', en: 'Veterinary activities' },
  '77': {
    vi: 'Cho thuê máy móc, thiết bị (không kèm người điều khiển); cho thuê đồ dùng cá nhân và gia đình; cho thuê tài sản vô hình phi tài chính',
    en: 'Rental and leasing activities',
  },
  '78': { vi: 'Hoạt động dịch vụ lao động và việc làm', en: 'Employment activities' },
  '79': {
    vi: 'Hoạt động của các đại lý du lịch, kinh doanh tua du lịch và các dịch vụ hỗ trợ, liên quan đến quảng bá và tổ chức tua du lịch',
    en: 'Travel agency, tour operator, reservation service and related activities',
  },
  '80': { vi: 'Hoạt động điều tra bảo đảm an toàn', en: 'Security and investigation activities' },
  '81': {
    vi: 'Hoạt động dịch vụ vệ sinh nhà cửa, công trình và cảnh quan',
    en: 'Services to buildings and landscape activities',
  },
  '82': {
    vi: 'Hoạt động hành chính, hỗ trợ văn phòng và các hoạt động hỗ trợ kinh doanh khác',
    en: 'Office administrative, office support and other business support activities',
  },
  '84': {
    vi: 'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc',
    en: 'Public administration and defence; compulsory social security',
  },
  '85': { vi: 'Giáo dục và đào tạo', en: 'Education' },
  '86': { vi: 'Hoạt động y tế', en: 'Human health activities' },
  '87': { vi: 'Hoạt động chăm sóc, điều dưỡng tập trung', en: 'Residential care activities' },
  '88': {
    vi: 'Hoạt động trợ giúp xã hội không tập trung',
    en: 'Social work activities without accommodation',
  },
  '90': {
    vi: 'Hoạt động sáng tác, nghệ thuật và giải trí',
    en: 'Creative, arts and entertainment activities',
  },
  '91': {
    vi: 'Hoạt động của thư viện, lưu trữ, bảo tàng và các hoạt động văn hóa khác',
    en: 'Libraries, archives, museums and other cultural activities',
  },
  '92': { vi: 'Hoạt động xổ số, cá cược và đánh bạc', en: 'Gambling and betting activities' },
  '93': {
    vi: 'Hoạt động thể thao, vui chơi và giải trí',
    en: 'Sports activities and amusement and recreation activities',
  },
  '94': { vi: 'Hoạt động của các hiệp hội, tổ chức khác', en: 'Activities of membership organizations' },
  '95': {
    vi: 'Sửa chữa máy vi tính, đồ dùng cá nhân và gia đình',
    en: 'Repair of computers and personal and household goods',
  },
  '96': { vi: 'Hoạt động dịch vụ phục vụ cá nhân khác', en: 'Other personal service activities' },
  '97': {
    vi: 'Hoạt động làm thuê công việc gia đình trong các hộ gia đình',
    en: 'Activities of households as employers of domestic personnel',
  },
  '98': {
    vi: 'Hoạt động sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình',
    en: 'Undifferentiated goods- and services-producing activities of private households for own use',
  },
  '99': {
    vi: 'Hoạt động của các tổ chức và cơ quan quốc tế',
    en: 'Activities of extraterritorial organizations and bodies',
  },
};

/**
 * The 4-digit classes of the demo firms' codes (`packages/local` demo data). `4100` is the ISIC class of
 * building construction; VSIC 2018 splits it into 4101 (residential) and 4102 (non-residential), so it carries the
 * group's name.
 */
const classes: Record<string, LocalizedText> = {
  '1010': { vi: 'Chế biến, bảo quản thịt và các sản phẩm từ thịt', en: 'Processing and preserving of meat' },
  '1020': {
    vi: 'Chế biến, bảo quản thủy sản và các sản phẩm từ thủy sản',
    en: 'Processing and preserving of fish, crustaceans and molluscs',
  },
  '1061': { vi: 'Xay xát và sản xuất bột thô', en: 'Manufacture of grain mill products' },
  '1104': {
    vi: 'Sản xuất đồ uống không cồn, nước khoáng',
    en: 'Manufacture of soft drinks; production of mineral waters and other bottled waters',
  },
  '1410': {
    vi: 'May trang phục (trừ trang phục từ da lông thú)',
    en: 'Manufacture of wearing apparel, except fur apparel',
  },
  '1610': { vi: 'Cưa, xẻ, bào gỗ và bảo quản gỗ', en: 'Sawmilling and planing of wood' },
  '2012': {
    vi: 'Sản xuất phân bón và hợp chất ni tơ',
    en: 'Manufacture of fertilizers and nitrogen compounds',
  },
  '2220': { vi: 'Sản xuất sản phẩm từ plastic', en: 'Manufacture of plastics products' },
  '2395': {
    vi: 'Sản xuất bê tông và các sản phẩm từ bê tông, xi măng và thạch cao',
    en: 'Manufacture of articles of concrete, cement and plaster',
  },
  '2410': { vi: 'Sản xuất sắt, thép, gang', en: 'Manufacture of basic iron and steel' },
  '2511': { vi: 'Sản xuất các cấu kiện kim loại', en: 'Manufacture of structural metal products' },
  '2821': {
    vi: 'Sản xuất máy nông nghiệp và lâm nghiệp',
    en: 'Manufacture of agricultural and forestry machinery',
  },
  '3510': {
    vi: 'Sản xuất, truyền tải và phân phối điện',
    en: 'Electric power generation, transmission and distribution',
  },
  '4100': { vi: 'Xây dựng nhà các loại', en: 'Construction of buildings' },
  '4312': { vi: 'Chuẩn bị mặt bằng', en: 'Site preparation' },
  '4663': {
    vi: 'Bán buôn vật liệu, thiết bị lắp đặt khác trong xây dựng',
    en: 'Wholesale of construction materials, hardware, plumbing and heating equipment and supplies',
  },
  '5210': { vi: 'Kho bãi và lưu giữ hàng hóa', en: 'Warehousing and storage' },
  '6201': { vi: 'Lập trình máy vi tính', en: 'Computer programming activities' },
  '6920': {
    vi: 'Hoạt động liên quan đến kế toán, kiểm toán và tư vấn về thuế',
    en: 'Accounting, bookkeeping and auditing activities; tax consultancy',
  },
};

/**
 * The name of a VSIC code at the most precise level known: its 4-digit class, else its division, else its section;
 * undefined for a code that is not VSIC-shaped or a section that does not exist.
 * @example sectorName('M6920')?.vi // 'Hoạt động liên quan đến kế toán, kiểm toán và tư vấn về thuế'
 * @example sectorName('C1399')?.en // 'Manufacture of textiles' (the division)
 */
export function sectorName(code: string): LocalizedText | undefined {
  const match = /^([A-U])(\d{2})(\d{0,3})$/.exec(code.trim().toUpperCase());
  if (!match) return undefined;
  const [, section = '', division = '', rest = ''] = match;
  return classes[`${division}${rest.slice(0, 2)}`] ?? divisions[division] ?? sections[section];
}

/** A code with its name, as every screen shows a firm's sector: `M6920 — Hoạt động liên quan đến kế toán, …`. */
export function sectorText(code: string, lang: 'vi' | 'en'): string {
  const name = sectorName(code);
  return name ? `${code} — ${name[lang]}` : code;
}

/** The 21 sections, for filters. */
export const vsicSectionNames: Readonly<Record<string, LocalizedText>> = sections;
