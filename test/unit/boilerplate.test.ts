import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { isBoilerplate } from '../../src/core/extract/boilerplate';

test('legal, cookie and copyright lines', () => {
  for (const s of ['Cookie Policy Privacy Policy Brand Safety FAQ Help Contact Us Terms and Conditions', '© Examiner Echo Group Limited', '© 2024 Benzinga.com.', 'All rights reserved.', 'Copyright 2023 The Daily Planet', 'We use cookies to improve your experience.', 'Privacy Policy | Terms of Use', 'Conforms to The Trust Project criteria', 'Benzinga does not provide investment advice.']) {
    assert.equal(isBoilerplate(s), true, s);
  }
});

test('links, widgets, promos and disclosures', () => {
  for (const s of ['Now Read: Poland Triggers Kremlin\'s Fury By Renaming Russian City', 'Read more: Why drones matter', 'x', 'Comments', '12 comments', 'More in this section', 'Share with others', 'Share this article', 'This content was partially produced with the help of AI tools and was reviewed and published by Benzinga editors.', 'This article was generated using artificial intelligence.', 'Trade confidently with insights and alerts from analyst ratings, free reports and breaking news.', 'Get free alerts from our premium newsletter']) {
    assert.equal(isBoilerplate(s), true, s);
  }
});

test('photo credits, captions, bylines and dates', () => {
  for (const s of ['Photo: Shutterstock', 'Image credit: Getty Images', 'National Security Council spokesman John Kirby (Susan Walsh/AP)', 'Iran-made drones are displayed (Iranian Army via AP)', 'Drones on display. (AP Photo)', 'By Bruce', 'By Chris Muhizi for MCN Sanday June 11/2023.', 'Reporting by Jane Roe; Editing by John Doe', '• Mon. Jul 8th, 2024', 'Jun 11, 2023', 'Updated: 16 May 2024 10:42 am', '2024-05-16']) {
    assert.equal(isBoilerplate(s), true, s);
  }
});

test('reporting sentences are not boilerplate', () => {
  for (const s of ['The White House says that Russia is looking to buy additional attack drones from Iran.', 'By providing Russia with these UAVs, Iran has been directly enabling Russia’s war.', 'Facebook changed its privacy policy last year after regulators in Europe and the United States opened an inquiry into how it shares data.', 'Share prices fell 4.4% on Monday.', 'The comments drew criticism from allies.', 'By August, Iran had delivered more than 400 drones.', 'Iran said on Tuesday that “no special development” has taken place.', 'Trade between the two countries grew sharply.']) {
    assert.equal(isBoilerplate(s), false, s);
  }
});

test('empty is boilerplate; very long text is not; no catastrophic backtracking', () => {
  assert.equal(isBoilerplate('   '), true);
  const t0 = Date.now();
  assert.equal(isBoilerplate('By ' + 'A'.repeat(300) + ' x'.repeat(50000)), false);
  for (const s of ['By ' + 'Aa '.repeat(130), 'Photo ' + '('.repeat(390), '(' + 'a/'.repeat(190) + ')']) isBoilerplate(s);
  assert.ok(Date.now() - t0 < 1000);
});

test('markup, embed codes and bare links never match', () => {
  for (const s of ['<tweet tweet-id="1234567890123"><tweet/>.', '<blockquote class="twitter-tweet"><a href="https://t.co/x"></a></blockquote>', '<iframe src="https://www.youtube.com/embed/abc123" width="560"></iframe>', 'https://www.example-news.com/politics/2024/senate-vote.html', 'pic.twitter.com/AbC12dEf', '[Embedded content]', 'View this post on Instagram']) {
    assert.equal(isBoilerplate(s), true, s);
  }
  for (const s of ['The senator wrote on <b>Twitter</b> that the bill was dead.', 'Senators voted 52 to 48 < a simple majority plus one.', 'He posted the link to www.senate.gov on Tuesday and urged voters to read it.']) {
    assert.equal(isBoilerplate(s), false, s);
  }
});
