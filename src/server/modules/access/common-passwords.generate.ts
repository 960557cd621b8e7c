/**
 * Regenerates `common-passwords.txt`: `npx tsx src/server/modules/access/common-passwords.generate.ts`.
 *
 * Sources: the password dictionary of `@zxcvbn-ts/language-common` (MIT; passwords from public
 * breach corpora, most frequent first), keeping entries of at least 8 characters (shorter ones
 * fail the length rule anyway), plus passwords common in Russian-speaking countries that the
 * English-language corpora miss, added by hand below with the suffixes people usually append.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dictionary } from '@zxcvbn-ts/language-common';

/** Words people in Russia, Ukraine, Belarus and Kazakhstan use as passwords, in Latin letters. */
// prettier-ignore
const TRANSLITERATED = [
  'parol', 'parol1', 'privet', 'privetik', 'poka', 'lubov', 'lyubov', 'lubimaya', 'lubimiy',
  'solnce', 'solnyshko', 'solnishko', 'zaika', 'zayka', 'kotenok', 'kotik', 'kotyara', 'kiska',
  'sobaka', 'medved', 'rybka', 'lastochka', 'malysh', 'mamochka', 'mamulya', 'mama', 'papa',
  'babushka', 'dedushka', 'semya', 'rossiya', 'russia', 'rossia', 'moskva', 'moscow', 'piter',
  'sankt', 'kiev', 'kyiv', 'minsk', 'ukraina', 'ukraine', 'belarus', 'kazakhstan', 'almaty',
  'zvezda', 'angel', 'angelochek', 'korol', 'koroleva', 'princessa', 'bratva', 'pacan', 'pacany',
  'pobeda', 'pobeda1945', 'vkontakte', 'odnoklassniki', 'yandex', 'mailru', 'rambler',
  'shokolad', 'marmelad', 'vesna', 'leto', 'osen', 'zima', 'schastie', 'udacha', 'dengi',
  'bogatstvo', 'svoboda', 'nadezhda', 'vera', 'lyuba', 'druzhba', 'drug', 'ylybka', 'ulybka',
  'cherry', 'vishnya', 'klubnika', 'malina', 'yagodka', 'kisa', 'kisunya', 'lapochka',
  'zolotko', 'sladkaya', 'ilovetebya', 'yalyublyutebya', 'lublutebya', 'tvoyamama', 'nevazhno',
  'zabyl', 'zabyla', 'nepomnyu', 'secret', 'sekret', 'kluch', 'klyuch', 'dostup', 'vhod',
  'admin', 'administrator', 'kabinet', 'lichnykabinet', 'uchenik', 'shkola', 'student',
];

/** Common Russian first names, transliterated as people type them. */
// prettier-ignore
const NAMES = [
  'nastya', 'nastena', 'anastasia', 'natasha', 'natalia', 'masha', 'maria', 'mariya', 'marina',
  'olga', 'olya', 'oksana', 'tanya', 'tatiana', 'tatyana', 'svetlana', 'sveta', 'ekaterina',
  'katya', 'katerina', 'irina', 'ira', 'elena', 'lena', 'yulia', 'julia', 'yulya', 'anna', 'anya',
  'alena', 'alyona', 'alina', 'kristina', 'vika', 'viktoria', 'viktoriya', 'dasha', 'daria',
  'darya', 'polina', 'sasha', 'aleksandr', 'alexandr', 'alexander', 'alexey', 'aleksey',
  'aleksei', 'andrey', 'andrei', 'dmitry', 'dmitriy', 'dima', 'sergey', 'sergei', 'serega',
  'vladimir', 'vova', 'volodya', 'vladislav', 'vlad', 'maksim', 'maxim', 'nikita', 'ivan',
  'vanya', 'mikhail', 'misha', 'pavel', 'pasha', 'artem', 'artyom', 'denis', 'roman', 'evgeny',
  'evgeniy', 'zhenya', 'igor', 'oleg', 'anton', 'kirill', 'ilya', 'egor', 'yuri', 'yura',
  'konstantin', 'kostya', 'stanislav', 'stas', 'vitaly', 'vitalik', 'ruslan', 'timur',
  'nikolay', 'kolya', 'valera', 'valentina', 'galina', 'lyudmila', 'nadya', 'lyubov',
  'ludmila', 'sofia', 'sofiya', 'arina', 'milana', 'veronika', 'ksenia', 'kseniya', 'valeria',
  'diana', 'karina', 'angelina', 'alisa', 'vasilisa', 'varvara', 'ulyana', 'timofey', 'matvey',
  'danila', 'daniil', 'gleb', 'bogdan', 'fedor', 'semen', 'stepan', 'arsenij', 'arseniy',
];

/** Football clubs people support. */
// prettier-ignore
const CLUBS = [
  'spartak', 'spartakmoskva', 'zenit', 'zenitspb', 'cska', 'cskamoskva', 'dinamo', 'dynamo',
  'dinamokiev', 'lokomotiv', 'lokomotive', 'krasnodar', 'rubin', 'rubinkazan', 'shakhtar',
  'shahter', 'rostov', 'terek', 'akhmat', 'torpedo', 'krylia', 'chelsea', 'barcelona', 'barca',
  'realmadrid', 'manchester', 'manutd', 'liverpool', 'juventus', 'milan', 'arsenal', 'bavaria',
];

/** Russian words typed in Cyrillic, and the same words typed with the English layout on. */
// prettier-ignore
const CYRILLIC_AND_LAYOUT = [
  'пароль', 'привет', 'любовь', 'солнышко', 'солнце', 'котенок', 'котёнок', 'зайка', 'наташа',
  'россия', 'москва', 'ангел', 'максим', 'александр', 'андрей', 'дима', 'маша', 'саша', 'мама',
  'папа', 'спартак', 'зенит', 'цска', 'динамо', 'локомотив', 'админ', 'победа', 'счастье',
  'gfhjkm', 'ghbdtn', 'kl.,jdm', 'cjkywt', 'cjkysirj', 'rjntyjr', 'pfqrf', 'yfnfif', 'hjccbz',
  'vjcrdf', 'fyuTk', 'fyutk', 'vfrcbv', 'fktrcfylh', 'fylhtq', 'lbvf', 'vfif', 'cfif', 'vfvf',
  'gfgf', 'cgfhnfr', 'ptybn', 'lbyfvj', 'ytn', 'lf', 'ntcn', 'flvby', 'gj,tlf', 'ghtdtn',
];

/** Keyboard walks on QWERTY and ЙЦУКЕН keyboards. */
// prettier-ignore
const KEYBOARD_WALKS = [
  'qwerty', 'qwerty123', 'qwerty1234', 'qwerty12345', 'qwertyuiop', 'qwertyu', 'qwertyui',
  '1q2w3e', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4', 'q1w2e3r4t5', '1qaz2wsx',
  '1qaz2wsx3edc', 'zaq12wsx', 'zaq1xsw2', '1qazxsw2', 'qazwsx', 'qazwsxedc', 'qweasdzxc',
  '123qwe', '123qweasd', '123qweasdzxc', 'qwe123', 'qweqwe', 'asdfgh', 'asdfghjkl', 'zxcvbnm',
  'zxcvbn', 'qwaszx', 'йцукен', 'йцукенг', 'йцукенгш', 'йцукенгшщ', 'йцукенгшщз',
  'йцукенгшщзхъ', 'фывапролдж', 'фывапролджэ', 'ячсмить', 'ячсмитьбю', '1й2ц3у4к', '1й2ц3у',
  'йфяцычувс', 'йцу123', 'йцукен123', 'ё1234567', '1234567890', '0987654321', '0123456789',
];

/** What people append to a word to pass composition rules. */
const SUFFIXES = [
  '',
  '1',
  '12',
  '123',
  '1234',
  '12345',
  '123456',
  '1111',
  '777',
  '666',
  '007',
  '01',
  '!',
  '1!',
  '123!',
  ...Array.from({ length: 36 }, (_, i) => String(1990 + i)),
];

const key = (word: string) => word.normalize('NFKC').toLowerCase();

function russianAdditions(): string[] {
  const out: string[] = [];
  for (const base of [...TRANSLITERATED, ...NAMES, ...CLUBS, ...CYRILLIC_AND_LAYOUT]) {
    for (const suffix of SUFFIXES) out.push(base + suffix);
  }
  return [...out, ...KEYBOARD_WALKS];
}

function generate(): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  const add = (word: string) => {
    const k = key(word);
    if (k && !seen.has(k)) {
      seen.add(k);
      lines.push(k);
    }
  };
  russianAdditions().forEach(add);
  const corpus = dictionary['passwords-common'];
  corpus.filter((word) => Array.from(key(word)).length >= 8).forEach(add);
  const header = [
    '# Common passwords refused when a password is set (NIST SP 800-63B-4, OWASP ASVS 5.0).',
    '# Generated by common-passwords.generate.ts: do not edit by hand; edit the generator.',
    '# Compared after NFKC and lower-casing. One per line; lines starting with # are comments.',
  ];
  return [...header, ...lines].join('\n') + '\n';
}

const target = path.join(import.meta.dirname, 'common-passwords.txt');
fs.writeFileSync(target, generate());
